/**
 * Reads the operations out of the reference's text capture
 * (`shared/reference/sx-api-v1.txt`): method, path, summary, parameters and
 * the example response, exactly as printed. Used once to write
 * `examples.json` and by the test that checks the fixture still matches the
 * reference word for word.
 */
export interface ReferenceParameter {
  name: string;
  required: boolean;
  /** as printed: `string`, `integer`, `enum`, `array<string>` */
  type: string;
  in: 'query' | 'path' | 'body';
  /** the text after `values:`, if any */
  values?: string;
}

export interface ReferenceOperation {
  method: string;
  path: string;
  summary: string;
  parameters: ReferenceParameter[];
  /** the reference shows a request body editor (no example body is printed) */
  requestBody: boolean;
  response: { status: number; body: unknown };
}

const METHOD = /^(GET|POST|PATCH|DELETE|PUT)$/;
const PARAM = /^\s*•\s+(\S+)\s+(required|optional)\s+(.+?)\s+(query|path|body)$/;

export function parseReference(text: string): ReferenceOperation[] {
  const lines = text.split('\n');
  const ops: ReferenceOperation[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!METHOD.test(lines[i].trim()) || !lines[i + 1]?.startsWith('/v1/')) continue;
    const op: ReferenceOperation = {
      method: lines[i].trim(),
      path: lines[i + 1].trim(),
      summary: lines[i + 2].trim(),
      parameters: [],
      requestBody: false,
      response: { status: 0, body: undefined },
    };
    let j = i + 3;
    for (; j < lines.length && !/^Example response/.test(lines[j]); j++) {
      const m = PARAM.exec(lines[j]);
      if (m) {
        const values = /values:(.*)$/.exec(lines[j + 1] ?? '')?.[1]?.trim();
        op.parameters.push({ name: m[1], required: m[2] === 'required', type: m[3], in: m[4] as ReferenceParameter['in'], ...(values ? { values } : {}) });
      }
      if (/^Request body/.test(lines[j])) op.requestBody = true;
    }
    op.response.status = Number(/Example response (\d{3})/.exec(lines[j])![1]);
    let k = j + 1;
    let json = '';
    for (; k < lines.length && !/^Try it/.test(lines[k]); k++) json += `${lines[k]}\n`;
    op.response.body = JSON.parse(json);
    ops.push(op);
    i = k;
  }
  return ops;
}
