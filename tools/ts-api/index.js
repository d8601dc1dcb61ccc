// Kept in plain JavaScript with a hand-written index.d.ts, so the project's
// tsc (TypeScript 7) never reads TypeScript 5's own declarations.
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';

/**
 * The TypeScript declarations of an OpenAPI document, as openapi-typescript
 * writes them (its default options: `paths`, `webhooks`, `components` and
 * `operations` interfaces; a member with a `default` is non-optional, as the
 * validate stage fills defaults in before a handler runs).
 */
export async function generateTypes(specText) {
  return astToString(await openapiTS(specText));
}

/**
 * Every explicit `any` keyword in a TypeScript source text (a type
 * annotation, `as any`, `<any>`, `any[]`, a type argument), by position. Read
 * from the syntax tree, so the word in a comment, a string or a name is not one.
 */
export function explicitAnys(fileName, text) {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found = [];
  const visit = (node) => {
    if (node.kind === ts.SyntaxKind.AnyKeyword) {
      const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
      found.push({ line: line + 1, column: character + 1, text: lineAt(text, line).trim() });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function lineAt(text, index) {
  return text.split(/\r?\n/)[index] ?? '';
}
