// The YAML parser, loaded the first time a YAML file is read rather than when a module that can read one is
// imported. The engine reads YAML only where a built JSON is stale (SOPs) or where a host asks for it (alert
// rules, the Prometheus export); loading the package on every thread cost about 100 ms of CPU per agent
// worker and 60 ms on the main thread of a cold start (docs/performance.md#cold-start).
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

let yaml: typeof Yaml | undefined;

function yamlPackage(): typeof Yaml {
  // eslint-disable-next-line no-restricted-syntax -- the one deferred load: a third-party parser, named by the type import above, so the layering rules still see it
  yaml ??= createRequire(import.meta.url)('yaml') as typeof Yaml;
  return yaml;
}

export function parseYaml(text: string): unknown {
  return yamlPackage().parse(text) as unknown;
}

export function stringifyYaml(value: unknown, options?: Yaml.ToStringOptions): string {
  return yamlPackage().stringify(value, options);
}
