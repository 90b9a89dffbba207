import React from 'react';
import clsx from 'clsx';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import {readingPaths} from '@site/src/data/reading-paths';
import PathSteps from '@site/src/features/reading-paths/PathSteps';
import BookLink from '@site/src/features/books/BookLink';
import styles from './index.module.css';

export default function Home(): React.JSX.Element {
  return (
    <Layout
      title={translate({id: 'home.title', message: 'How packets move between containers, pods and Services'})}
      description={translate({
        id: 'home.description',
        message:
          'A bilingual guide to container networking, from Linux network namespaces through Docker and CNI to Kubernetes Services, with tested labs and a curated reading list.',
      })}
    >
      <header className={styles.hero}>
        <div className="container">
          <Heading as="h1" className={styles.title}>
            <Translate id="home.heading">Container Networking Guide</Translate>
          </Heading>
          <p className={styles.lead}>
            <Translate id="home.lead.1">
              This guide follows a packet from a Linux network namespace through Docker’s bridge, the CNI plugins and kube-proxy to a
              Kubernetes Service, explaining what each piece of the kernel and of the cluster does to it.
            </Translate>{' '}
            <Translate id="home.lead.2">
              Every chapter comes in English and Chinese with diagrams and a lab you can run, and every chapter points to the best material
              to read next.
            </Translate>
          </p>
          <div className={styles.actions}>
            <Link className="button button--primary button--lg" to="/docs/how-to-read">
              <Translate id="home.start">Start reading</Translate>
            </Link>
            <Link className="button button--secondary button--lg" to="/references">
              <Translate id="home.explorer">Search the references</Translate>
            </Link>
          </div>
          <BookLink className={styles.book} />
        </div>
      </header>
      <main className="container margin-vert--lg">
        <Heading as="h2" id="reading-paths">
          <Translate id="home.paths.heading">Choose a reading path</Translate>
        </Heading>
        <div className={styles.paths}>
          {readingPaths().map((path) => (
            <section
              key={path.id}
              className={clsx('card', styles.path, path.id === 'incident' && styles.incident)}
              aria-labelledby={`path-${path.id}`}
            >
              <div className="card__body">
                <Heading as="h3" id={`path-${path.id}`}>
                  {path.title}
                </Heading>
                <p>{path.audience}</p>
                <PathSteps path={path.id} className={styles.steps} />
              </div>
            </section>
          ))}
        </div>
        <Heading as="h2">
          <Translate id="home.parts.heading">What the guide covers</Translate>
        </Heading>
        <ul className={styles.parts}>
          <li>
            <strong>
              <Translate id="home.part.linux.title">Linux foundations</Translate>
            </strong>{' '}
            <Translate id="home.part.linux.body">
              Namespaces, veth pairs, bridges, routing, netfilter, traffic control, VXLAN and Open vSwitch: the kernel parts every container
              network is assembled from.
            </Translate>
          </li>
          <li>
            <strong>
              <Translate id="home.part.docker.title">Docker and CNI</Translate>
            </strong>{' '}
            <Translate id="home.part.docker.body">
              How a runtime wires a container into a network: Docker’s drivers, the Container Network Interface and the plugins that
              implement it.
            </Translate>
          </li>
          <li>
            <strong>
              <Translate id="home.part.k8s.title">Kubernetes</Translate>
            </strong>{' '}
            <Translate id="home.part.k8s.body">
              The network model, Services and kube-proxy, DNS, Ingress and the Gateway API, NetworkPolicy, service discovery and service
              mesh.
            </Translate>
          </li>
          <li>
            <strong>
              <Translate id="home.part.refs.title">References</Translate>
            </strong>{' '}
            <Translate id="home.part.refs.body">
              A curated catalogue of articles, talks, specifications and tools, each marked with whether it still holds or what replaced it.
            </Translate>{' '}
            <Link to="/docs/references">
              <Translate id="home.part.refs.link">Browse the reading lists</Translate>
            </Link>
          </li>
        </ul>
      </main>
    </Layout>
  );
}
