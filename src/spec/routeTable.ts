import type { Operation } from './operations.js';

export type RouteMatch =
  | { kind: 'found'; operation: Operation; params: Record<string, string> }
  | { kind: 'wrong_method'; allow: string[] }
  | { kind: 'not_found' };

interface PathRoute {
  readonly template: string;
  readonly pattern: RegExp;
  readonly names: string[];
  readonly byMethod: Map<string, Operation>;
}

/**
 * Matches a request to an operation. Paths without parameters are one map
 * lookup; templated ones are regexes bucketed by segment count, and static
 * segments win over parameters (`/v1/test_helpers/orders` never reads as an id).
 */
export class RouteTable {
  private readonly exact = new Map<string, PathRoute>();
  private readonly templated = new Map<number, PathRoute[]>();

  constructor(readonly operations: readonly Operation[]) {
    const byPath = new Map<string, PathRoute>();
    for (const op of operations) {
      let route = byPath.get(op.path);
      if (!route) {
        const names: string[] = [];
        const source = op.path
          .split('/')
          .map((segment) => {
            const m = /^\{(.+)\}$/.exec(segment);
            if (!m) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
            names.push(m[1]);
            return '([^/]+)';
          })
          .join('/');
        route = { template: op.path, pattern: new RegExp(`^${source}/?$`), names, byMethod: new Map() };
        byPath.set(op.path, route);
        if (names.length === 0) this.exact.set(op.path, route);
        else {
          const depth = op.path.split('/').length;
          const bucket = this.templated.get(depth) ?? [];
          bucket.push(route);
          bucket.sort((a, b) => a.names.length - b.names.length);
          this.templated.set(depth, bucket);
        }
      }
      route.byMethod.set(op.method, op);
    }
  }

  match(method: string, rawPath: string): RouteMatch {
    const path = rawPath.length > 1 && rawPath.endsWith('/') ? rawPath.slice(0, -1) : rawPath;
    let route = this.exact.get(path);
    let params: Record<string, string> = {};
    if (!route) {
      for (const candidate of this.templated.get(path.split('/').length) ?? []) {
        const m = candidate.pattern.exec(path);
        if (!m) continue;
        route = candidate;
        params = {};
        candidate.names.forEach((name, i) => {
          params[name] = safeDecode(m[i + 1]);
        });
        break;
      }
    }
    if (!route) return { kind: 'not_found' };
    const operation = route.byMethod.get(method === 'HEAD' && !route.byMethod.has('HEAD') ? 'GET' : method);
    if (!operation) {
      const allow = [...route.byMethod.keys()];
      if (allow.includes('GET')) allow.push('HEAD');
      return { kind: 'wrong_method', allow: [...allow, 'OPTIONS'] };
    }
    return { kind: 'found', operation, params };
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
