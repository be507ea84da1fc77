declare module 'swagger-ui-dist/absolute-path.js' {
  /** The folder holding swagger-ui-dist's static assets. */
  function getAbsoluteFSPath(): string;
  export = getAbsoluteFSPath;
}
