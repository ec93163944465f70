/**
 * A `COPY … TO STDOUT` stream read slower than the server sends leaves its
 * connection usable. postgres.js pauses the socket while the stream's buffer
 * is full and resumes it from the stream's read(); when the chunk that brings
 * the copy's end also fills the buffer, the stream ends with the socket paused,
 * an ended stream is never read again, and before the patch in patches/ the
 * next query on that connection waited forever for an answer nobody read (the
 * bench's COPY floor hung so, now and then).
 */
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { expect, it } from 'vitest';
import { connect } from '../src/db/client.ts';
import { databaseUrl } from './support/app.ts';

it('answers the next query after a COPY TO STDOUT read by a slow writer', async () => {
  const database = connect(databaseUrl(), { max: 1 });
  try {
    // A megabyte, read a row at a time by a writer slower than the socket (as a file is): the
    // stream's buffer stays full, so every chunk of the socket pauses it, the last one too.
    const readable = await database.sql.unsafe(`copy (select repeat('x', 1000) from generate_series(1, 1000)) to stdout`).readable();
    let bytes = 0;
    await pipeline(
      readable,
      new Writable({
        highWaterMark: 1,
        write(chunk: Buffer, _encoding, callback) {
          bytes += chunk.length;
          setImmediate(callback);
        },
      }),
    );
    expect(bytes).toBe(1000 * 1001);
    const next = database.sql`select 1 as one`.then(([row]) => row);
    const waited = new Promise((resolve) => setTimeout(resolve, 5_000, 'no answer in 5 s'));
    expect(await Promise.race([next, waited])).toEqual({ one: 1 });
  } finally {
    await database.sql.end({ timeout: 0 });
  }
});
