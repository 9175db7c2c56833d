// Standalone entry of the debug adapter (dist/debugAdapter.js): speaks DAP
// over stdin/stdout (`node dist/debugAdapter.js`), or on a port with
// --server=PORT. The extension uses GcDebugSession inline instead.
import { GcDebugSession } from './session';

GcDebugSession.run(GcDebugSession);
