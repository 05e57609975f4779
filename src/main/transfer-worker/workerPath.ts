/// <reference types="electron-vite/node" />
// electron-vite builds the worker into a file of its own and gives its path relative to the
// chunk that imports this, so the same line works in out/main for Electron, the browser shell
// and the CLI. Only the shells import this module; vitest and the benches build the worker themselves.
import workerPath from './worker?modulePath';

export default workerPath;
