/** The part of pdf.js's worker side that pdf-port.ts uses (pdfjs-dist ships no types for it). */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: {
    /** Answers the API side's messages arriving on `port` (a worker's global scope, or a port in the same thread). */
    initializeFromPort(port: unknown): void;
  };
}
