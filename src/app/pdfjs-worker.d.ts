/** pdf.js's worker code, bundled into the page's worker (see worker.ts): it ships no types. */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown
}
