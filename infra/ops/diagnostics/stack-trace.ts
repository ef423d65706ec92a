import { SourceMap } from 'node:module';

/** Where a source in the map lives in the repository: the map names it relative to wherever the bundle was built. */
function repositoryPath(source: string): string {
  const inPackage = source.lastIndexOf('node_modules/');
  if (inPackage >= 0) return source.slice(inPackage);
  return source.replace(/^(\.\.\/)+/, '').replace(/^.*?\/((functions|shared|infra)\/)/, '$1');
}

/**
 * A stack trace of a minified Lambda bundle with each position in the bundle (`file:///var/task/index.mjs:2:23456`,
 * as Lambda logs it) replaced by the source file, line and column the source map gives; other lines stay as they
 * are. Function names stay the minified ones: the source line says which function it is.
 */
export function mapStackTrace(trace: string, payload: ConstructorParameters<typeof SourceMap>[0]): string {
  const map = new SourceMap(payload);
  return trace.replace(/(?:file:\/\/)?[^\s()]*index\.mjs:(\d+):(\d+)/g, (found, line: string, column: string) => {
    const origin = map.findOrigin(Number(line), Number(column));
    if (!('fileName' in origin)) return found;
    return `${repositoryPath(origin.fileName)}:${origin.lineNumber}:${origin.columnNumber}`;
  });
}
