/**
 * Serves the production build of both locales, compressed, on 127.0.0.1:3000
 * (HOST and PORT override; BUILD_DIR names another build). A build made with
 * BASE_URL=/repo/ is served under /repo/, as GitHub Pages would.
 * `npm start` builds first, then runs this.
 */
import path from 'node:path';
import {existsSync} from 'node:fs';
import {startStaticServer} from './lib/static-server';

const root = path.resolve(process.env.BUILD_DIR ?? 'build');
if (!existsSync(path.join(root, 'index.html'))) {
  console.error(`No build in ${root}: run \`npm run build\` (or \`npm start\`, which builds first).`);
  process.exit(1);
}
const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number (0–65535), not "${process.env.PORT}".`);
  process.exit(1);
}
startStaticServer({root, host: process.env.HOST || '127.0.0.1', port, locales: ['zh-Hans'], compress: true}).then(
  ({url}) =>
    console.log(`Serving ${path.relative(process.cwd(), root) || '.'} at ${url}/ (English) and ${url}/zh-Hans/ (简体中文). Ctrl+C stops.`),
  (err: Error) => {
    console.error(`Cannot serve on ${process.env.HOST || '127.0.0.1'}:${port}: ${err.message}`);
    process.exit(1);
  },
);
