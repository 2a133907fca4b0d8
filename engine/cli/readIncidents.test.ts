// The CLI reads its input as a stream (readInputLines): the same cut as splitInputText, whatever the chunk
// boundaries, and a JSONL batch's lines given before the rest of the input is read (docs/hardening.md#load).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ERROR_CODES, SafeError } from '../contract/errors.js';
import { readInputLines, splitInputText, type InputLine } from './readIncidents.js';

/** `text` as UTF-8 bytes in chunks of `size` bytes (a chunk may end inside a character or a line). */
async function* chunked(text: string, size: number): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function readAll(source: AsyncIterable<Buffer>): Promise<InputLine[]> {
  const lines: InputLine[] = [];
  for await (const line of readInputLines(source, 'the test input')) lines.push(line);
  return lines;
}

const INPUTS: Record<string, string> = {
  'one object': '{"id":"a","text":"泄漏"}',
  'one object over many lines, CRLF': '{\r\n  "id": "a",\r\n\r\n  "text": "氯气泄漏 at the yard"\r\n}\r\n',
  'one object after blank lines, with a BOM': '\uFEFF\n\n  {\n "id": "a",\n "text": "x" }\n\n',
  JSONL: '{"id":"a","text":"洪水"}\n{"id":"b","text":"fire"}\n{"id":"c","text":"leak"}\n',
  'JSONL with blank lines and CRLF': '\r\n{"id":"a","text":"a"}\r\n\r\n\r\n{"id":"b","text":"b"}\r\n   \r\n{"id":"c"}',
  'JSONL whose first line is not an object': 'not json\n{"id":"b","text":"b"}\n',
  'JSONL of a pretty-printed object then another': '{\n "id": "a"\n}\n{"id":"b"}\n',
  'a bad line in the middle': '{"id":"a"}\n{"id":\n{"id":"c"}\n',
  'only blank lines': '\n \r\n\t\n',
  empty: '',
};

test('readInputLines cuts every input as splitInputText does, whatever the chunk size', async () => {
  for (const [name, text] of Object.entries(INPUTS)) {
    const expected = splitInputText(text);
    for (const size of [1, 2, 3, 7, 64, 1 << 16]) {
      assert.deepEqual(await readAll(chunked(text, size)), expected, `${name}, chunks of ${size} bytes`);
    }
  }
});

test('a JSONL batch is given line by line: the first lines come before the rest is read', async () => {
  const lineCount = 1000;
  let chunksRead = 0;
  async function* source(): AsyncGenerator<Buffer> {
    for (let i = 1; i <= lineCount; i++) {
      chunksRead++;
      yield Buffer.from(`{"id":"line-${i}","text":"report ${i}"}\n`, 'utf8');
    }
  }
  const lines = readInputLines(source(), 'the test input');
  const first = await lines.next();
  const second = await lines.next();
  assert.deepEqual([first.value, second.value], [
    { position: 1, text: '{"id":"line-1","text":"report 1"}' },
    { position: 2, text: '{"id":"line-2","text":"report 2"}' },
  ]);
  assert.ok(chunksRead <= 3, `only the first lines were read (${chunksRead} of ${lineCount} chunks)`);
  let rest = 0;
  for await (const line of lines) { rest++; assert.equal(line.position, rest + 2); }
  assert.equal(rest, lineCount - 2);
});

test('a read error is SAFE_E_FILE_UNREADABLE naming the input, after the lines read before it', async () => {
  async function* failing(): AsyncGenerator<Buffer> {
    yield Buffer.from('{"id":"a"}\n{"id":"b"}\n', 'utf8');
    throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
  }
  const seen: InputLine[] = [];
  await assert.rejects(async () => { for await (const line of readInputLines(failing(), 'incidents.jsonl')) seen.push(line); }, (err: unknown) => {
    assert.ok(err instanceof SafeError);
    assert.equal(err.code, ERROR_CODES.FILE_UNREADABLE);
    assert.match(err.message, /cannot read incidents\.jsonl: EIO/);
    return true;
  });
  assert.deepEqual(seen.map((l) => l.position), [1, 2]);
});
