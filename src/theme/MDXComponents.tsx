import Head from '@docusaurus/Head';
import Admonition from '@theme/Admonition';
import CodeInline from '@theme/CodeInline';
import MDXA from '@theme/MDXComponents/A';
import MDXDetails from '@theme/MDXComponents/Details';
import MDXHeading from '@theme/MDXComponents/Heading';
import MDXImg from '@theme/MDXComponents/Img';
import MDXLi from '@theme/MDXComponents/Li';
import MDXUl from '@theme/MDXComponents/Ul';
import Mermaid from '@theme/Mermaid';
import React from 'react';
import StaticMermaid from '@site/src/features/diagrams/StaticMermaid';

type HeadingProps = Omit<React.ComponentProps<typeof MDXHeading>, 'as'>;

/**
 * Theme-classic's MDX components, but for code: every fence becomes a
 * <Listing> at build time (src/features/code-listings/remark.ts), so `code` is only
 * ever inline and `pre` is the plain element. Leaving out the theme's
 * CodeBlock keeps it, and Prism, out of every page. StaticMermaid is the only
 * component of ours here: whatever is here is in every page's JavaScript;
 * the remark plugins import Lab, FurtherReading and the reference lists into
 * the pages that use them.
 */
export default {
  Head,
  details: MDXDetails,
  Details: MDXDetails,
  code: CodeInline,
  a: MDXA,
  ul: MDXUl,
  li: MDXLi,
  img: MDXImg,
  h1: (props: HeadingProps) => <MDXHeading as="h1" {...props} />,
  h2: (props: HeadingProps) => <MDXHeading as="h2" {...props} />,
  h3: (props: HeadingProps) => <MDXHeading as="h3" {...props} />,
  h4: (props: HeadingProps) => <MDXHeading as="h4" {...props} />,
  h5: (props: HeadingProps) => <MDXHeading as="h5" {...props} />,
  h6: (props: HeadingProps) => <MDXHeading as="h6" {...props} />,
  admonition: Admonition,
  mermaid: Mermaid,
  StaticMermaid,
};
