/** The TypeScript declarations openapi-typescript writes for an OpenAPI document (YAML or JSON text). */
export function generateTypes(specText: string): Promise<string>;

export interface AnyUse {
  /** 1-based */
  line: number;
  /** 1-based */
  column: number;
  /** the source line, trimmed */
  text: string;
}

/** Every explicit `any` keyword in a TypeScript source text, by position. */
export function explicitAnys(fileName: string, text: string): AnyUse[];
