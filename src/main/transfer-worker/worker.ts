import { parentPort } from 'node:worker_threads';
import { importJob, renderJob } from './jobs';
import { encodeError, type WorkerReply, type WorkerRequest } from './protocol';

/**
 * The transfer worker's entry point (built to its own file, see pool.ts). The pool sends one
 * request at a time, plus the warm-up beside it. The parsers and writers load here,
 * so neither their loading nor their work holds up the shell's event loop.
 */

const port = parentPort;
if (!port) throw new Error('The transfer worker must be started as a worker thread.');

async function answer(request: WorkerRequest): Promise<unknown> {
  switch (request.type) {
    case 'import':
      return importJob(request.name, request.bytes);
    case 'render':
      return renderJob(request.job);
    case 'pdf': {
      const { printHtmlToPdf } = await import('../export/pdf');
      return printHtmlToPdf(request.html, { chromiumPath: request.chromiumPath });
    }
    case 'warm': {
      // Heaviest last. Each load is one long synchronous stretch of this thread; a request that
      // arrives meanwhile (the pool does not wait for the warm-up) is answered between two.
      const loads = [
        () => import('../export/docx'),
        () => import('../import/docx'),
        () => import('../import/html'),
        ...(request.pdf ? [() => import('../export/pdf')] : []),
      ];
      for (const load of loads) {
        await new Promise((resolve) => setImmediate(resolve));
        await load();
      }
      return null;
    }
    default:
      throw new Error('The transfer worker got a request it does not know.');
  }
}

port.on('message', (request: WorkerRequest) => {
  const id = typeof request?.id === 'number' ? request.id : -1;
  answer(request).then(
    (value) => port.postMessage({ id, ok: true, value: value ?? null } satisfies WorkerReply),
    (err: unknown) => port.postMessage({ id, ok: false, error: encodeError(err) } satisfies WorkerReply),
  );
});
