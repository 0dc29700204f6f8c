// The index worker: fingerprints the files of the workspace's collection off the extension host's
// main thread (its own thread, so that indexing a folder never delays the review of what is being
// edited). Bundled by esbuild.js into dist/indexWorker.js and started by indexClient.ts.
import { parentPort } from 'worker_threads';
import { fingerprintBuffers, fingerprintFile } from './fingerprintFile';
import type { FingerprintRequest, FingerprintResponse } from './indexProtocol';

if (parentPort) {
  const port = parentPort;
  port.on('message', (request: FingerprintRequest) => {
    let response: FingerprintResponse;
    try {
      response = { id: request.id, ok: true, ...fingerprintFile(request) };
    } catch (err) {
      response = { id: request.id, ok: false, error: err instanceof Error ? err.stack || err.message : String(err) };
    }
    port.postMessage(response, 'fingerprint' in response ? fingerprintBuffers(response.fingerprint) : []);
  });
}
