/** Build-time compression: a `.br` and a `.gz` next to every compressible file of the build, so the
 * gateway can send them by Accept-Encoding without compressing on each request (no network). */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** Text formats only: fonts (woff2) and images are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|xml|webmanifest|map)$/;
/** Below this a compressed copy saves less than the headers it costs. */
const MIN_BYTES = 512;

export interface Compressed {
  file: string;
  bytes: number;
  gzip: number;
  brotli: number;
}

export function compressBytes(data: Buffer): { gzip: Buffer; brotli: Buffer } {
  return {
    gzip: gzipSync(data, { level: 9 }),
    brotli: brotliCompressSync(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
  };
}

async function* walk(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

/** Writes `<file>.br` and `<file>.gz` for each compressible file of `dir` that they make smaller. */
export async function precompressDir(dir: string): Promise<Compressed[]> {
  const done: Compressed[] = [];
  for await (const file of walk(dir)) {
    if (!COMPRESSIBLE.test(file) || (await stat(file)).size < MIN_BYTES) continue;
    const data = await readFile(file);
    const { gzip, brotli } = compressBytes(data);
    // a copy that is not smaller is not written: the gateway then sends the file as it is
    if (gzip.length < data.length) await writeFile(`${file}.gz`, gzip);
    if (brotli.length < data.length) await writeFile(`${file}.br`, brotli);
    done.push({ file, bytes: data.length, gzip: gzip.length, brotli: brotli.length });
  }
  return done;
}

export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'relais-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir.startsWith('/') ? config.build.outDir : join(config.root, config.build.outDir);
    },
    async closeBundle() {
      await precompressDir(outDir);
    },
  };
}
