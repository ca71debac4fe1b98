/**
 * An .astro component imported from a .ts module (src/components/study-aids.ts). The project's
 * tsconfig loads only Node's global types, so astro/client's declaration of *.astro is not in scope.
 */
declare module '*.astro' {
  const Component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default Component;
}
