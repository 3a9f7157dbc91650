import { describe, expect, it } from 'vitest';
import { deflateOnThread } from '../src/engine/deflate-thread.js';
import { cleanUpNow } from '../src/process/clean-up-on-signal.js';

/**
 * A file of its own: cleanUpNow marks the process as stopping for good. Node 20 can
 * abort ("close before init", exit 134) when a process exits while its deflate thread is
 * inside deflateSync, so a process exiting on its own (a closed pipe: cleanUpNow, then
 * process.exit) must first get its streams back.
 */
describe('a process exiting on its own while streams are being deflated', () => {
  it('waits, in cleanUpNow, until every stream out has come back', async () => {
    await deflateOnThread(Buffer.from('the thread is running'));
    let back = 0;
    const handlersBefore = process.listenerCount('SIGINT');
    const out = [0, 1, 2].map(() => deflateOnThread(Buffer.alloc(10_000_000, 'q 1 0 0 1 72 720 cm 0 0 m 100 0 l S Q\n')).then(() => (back += 1)));
    // A signal need not wait for them (dying of it tears nothing down): Ctrl-C keeps its usual effect.
    expect(process.listenerCount('SIGINT')).toBe(handlersBefore);
    await cleanUpNow();
    expect(back).toBe(3);
    await Promise.all(out);
  });
});
