// Where the compiled command's file-reading worker lives. Set by the compiled entry point (dist-cli/bin.js);
// unset when the TypeScript sources run (tests, tsx), where files are read on the main thread.

let readWorker: URL | undefined;

export const setReadWorker = (url: URL): void => {
  readWorker = url;
};

export const readWorkerUrl = (): URL | undefined => readWorker;
