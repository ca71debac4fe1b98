// The server lives in scripts/ because `npm run handout` serves the built site with it too.
export { serveDirectory, type StaticServer } from '../../scripts/tools/static-server.ts';
