import { errors, fail, ok } from '../pipeline/respond.ts';
import type { Outcome } from '../pipeline/respond.ts';

/**
 * A small OData `$filter` parser: comparisons (`eq ne gt ge lt le`), `prop in ('a','b')`,
 * `startswith(prop,'x')`, `and`/`or`, parentheses and the lambda `collection/any(x: x/prop eq 'v' and …)`.
 * String literals escape a quote by doubling it (`'o''brien@x'`). Enough for what
 * Graph clients send to mail, users and delta; the resource decides which properties may be
 * filtered on.
 */

export type Literal =
  | { kind: 'string'; value: string }
  | { kind: 'dateTime'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' };

export type ComparisonOperator = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

export type FilterNode =
  | { kind: 'compare'; property: string; operator: ComparisonOperator; literal: Literal }
  | { kind: 'startswith'; property: string; literal: Literal }
  | { kind: 'in'; property: string; literals: Literal[] }
  | { kind: 'and'; left: FilterNode; right: FilterNode }
  | { kind: 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'any'; collection: string; variable: string; predicate: FilterNode };

type Token = { type: 'word' | 'string' | '(' | ')' | ','; text: string };

function tokenize(input: string): Token[] | string {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i] ?? '';
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ type: ch, text: ch });
      i++;
    } else if (ch === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= input.length) return 'an unterminated string literal';
        if (input[i] === "'" && input[i + 1] === "'") {
          value += "'";
          i += 2;
        } else if (input[i] === "'") {
          i++;
          break;
        } else value += input[i++];
      }
      tokens.push({ type: 'string', text: value });
    } else {
      const match = /^[A-Za-z0-9_./:+\-$@]+/.exec(input.slice(i));
      if (!match) return `an unexpected character '${ch}'`;
      tokens.push({ type: 'word', text: match[0] });
      i += match[0].length;
    }
  }
  return tokens;
}

const operators = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const dateTimeLiteral = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

class Parser {
  private position = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): FilterNode {
    const node = this.or();
    if (this.position < this.tokens.length) throw new SyntaxError(`unexpected '${this.peek()?.text}'`);
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private take(): Token {
    const token = this.tokens[this.position++];
    if (!token) throw new SyntaxError('the expression ended too early');
    return token;
  }

  private expect(type: Token['type']): Token {
    const token = this.take();
    if (token.type !== type) throw new SyntaxError(`expected '${type}' but found '${token.text}'`);
    return token;
  }

  private keyword(word: string): boolean {
    const token = this.peek();
    if (token?.type === 'word' && token.text.toLowerCase() === word) {
      this.position++;
      return true;
    }
    return false;
  }

  private or(): FilterNode {
    let left = this.and();
    while (this.keyword('or')) left = { kind: 'or', left, right: this.and() };
    return left;
  }

  private and(): FilterNode {
    let left = this.primary();
    while (this.keyword('and')) left = { kind: 'and', left, right: this.primary() };
    return left;
  }

  private primary(): FilterNode {
    const token = this.take();
    if (token.type === '(') {
      const node = this.or();
      this.expect(')');
      return node;
    }
    if (token.type !== 'word') throw new SyntaxError(`expected a property name but found '${token.text}'`);
    const lambda = /^(.+)\/any$/i.exec(token.text);
    if (lambda?.[1] && this.peek()?.type === '(') {
      this.expect('(');
      const variable = /^([A-Za-z_]\w*):$/.exec(this.expect('word').text)?.[1];
      if (!variable) throw new SyntaxError(`expected a lambda variable such as 'ep:' after '${token.text}('`);
      const predicate = this.or();
      this.expect(')');
      return { kind: 'any', collection: lambda[1], variable, predicate };
    }
    if (token.text.toLowerCase() === 'startswith' && this.peek()?.type === '(') {
      this.expect('(');
      const property = this.expect('word').text;
      this.expect(',');
      const literal = this.literal();
      this.expect(')');
      return { kind: 'startswith', property, literal };
    }
    const operator = this.take();
    if (operator.type === 'word' && operator.text.toLowerCase() === 'in') {
      this.expect('(');
      const literals = [this.literal()];
      while (this.peek()?.type === ',') {
        this.take();
        literals.push(this.literal());
      }
      this.expect(')');
      return { kind: 'in', property: token.text, literals };
    }
    if (operator.type !== 'word' || !operators.has(operator.text.toLowerCase())) {
      throw new SyntaxError(`expected a comparison (eq, ne, gt, ge, lt, le, in) after '${token.text}'`);
    }
    return {
      kind: 'compare',
      property: token.text,
      operator: operator.text.toLowerCase() as ComparisonOperator,
      literal: this.literal(),
    };
  }

  private literal(): Literal {
    const token = this.take();
    if (token.type === 'string') return { kind: 'string', value: token.text };
    if (token.type !== 'word') throw new SyntaxError(`expected a value but found '${token.text}'`);
    const lower = token.text.toLowerCase();
    if (lower === 'true' || lower === 'false') return { kind: 'boolean', value: lower === 'true' };
    if (lower === 'null') return { kind: 'null' };
    if (dateTimeLiteral.test(token.text) && !Number.isNaN(Date.parse(token.text)))
      return { kind: 'dateTime', value: token.text };
    throw new SyntaxError(
      `'${token.text}' is not a value the emulator understands (strings go in single quotes)`,
    );
  }
}

/** Parses a `$filter` expression; a syntax error becomes a 400 that quotes the expression. */
export function parseFilter(expression: string): Outcome<FilterNode> {
  const tokens = tokenize(expression);
  if (typeof tokens === 'string')
    return fail(errors.badRequest(`Invalid $filter '${expression}': ${tokens}.`));
  try {
    return ok(new Parser(tokens).parse());
  } catch (error) {
    if (error instanceof SyntaxError)
      return fail(errors.badRequest(`Invalid $filter '${expression}': ${error.message}.`));
    throw error;
  }
}

/** The properties a resource allows in `$filter`, with how to read each and its type. */
export type FilterableProperties<T> = Record<
  string,
  {
    type: 'dateTime' | 'boolean' | 'string';
    get: (item: T) => string | boolean | null;
    startsWith?: boolean;
    /** Whether `prop in (…)` is allowed (directory objects allow it on a few properties). */
    in?: boolean;
  }
>;

/**
 * The most child clauses of any one `or` in the filter, an `in (…)` counting one clause per value
 * and nested `or`s (with their `in`s) flattened into their parent: what the directory limits.
 */
export function maxOrClauses(node: FilterNode): number {
  const children = (n: FilterNode): number =>
    n.kind === 'or' ? children(n.left) + children(n.right) : n.kind === 'in' ? n.literals.length : 1;
  if (node.kind === 'or' || node.kind === 'in') {
    const inner = (n: FilterNode): number =>
      n.kind === 'or' ? Math.max(inner(n.left), inner(n.right)) : n.kind === 'in' ? 0 : maxOrClauses(n);
    return Math.max(children(node), inner(node));
  }
  if (node.kind === 'and') return Math.max(maxOrClauses(node.left), maxOrClauses(node.right));
  if (node.kind === 'any') return maxOrClauses(node.predicate);
  return 1;
}

/** The property names used in a filter, left to right. */
export function filterProperties(node: FilterNode): string[] {
  if (node.kind === 'any') return [node.collection];
  return node.kind === 'and' || node.kind === 'or'
    ? [...filterProperties(node.left), ...filterProperties(node.right)]
    : [node.property];
}

/** Collections a resource lets `$filter` test with `any`: how to read the elements, and their properties. */
export type FilterableCollections<T> = Record<
  string,
  { elements: (item: T) => ReadonlyArray<Record<string, string>>; properties: readonly string[] }
>;

/** The lambda's predicate with `ep/id` written as `id`; `null` when it names anything else. */
function unqualify(node: FilterNode, variable: string): FilterNode | null {
  if (node.kind === 'and' || node.kind === 'or') {
    const left = unqualify(node.left, variable);
    const right = unqualify(node.right, variable);
    return left && right ? { ...node, left, right } : null;
  }
  if (node.kind === 'any') return null;
  const prefix = `${variable}/`;
  if (!node.property.startsWith(prefix)) return null;
  return { ...node, property: node.property.slice(prefix.length) };
}

/**
 * Checks a parsed filter against the filterable properties of `typeName` and returns a predicate,
 * or the 400 Graph would give (with the supported alternatives named).
 */
export function compileFilter<T>(
  node: FilterNode,
  properties: FilterableProperties<T>,
  typeName: string,
  collections: FilterableCollections<T> = {},
): Outcome<(item: T) => boolean> {
  const names = Object.keys(properties);
  const lookup = (property: string) => names.find((n) => n.toLowerCase() === property.toLowerCase());
  const unsupported = (property: string) =>
    fail<(item: T) => boolean>(
      errors.badRequest(
        `The emulator cannot filter ${typeName} on '${property}'. Supported: ${names.join(', ')}.`,
      ),
    );

  if (node.kind === 'any') {
    const name = Object.keys(collections).find((n) => n.toLowerCase() === node.collection.toLowerCase());
    const collection = name ? collections[name] : undefined;
    if (!collection) return unsupported(`${node.collection}/any`);
    const inner = unqualify(node.predicate, node.variable);
    if (!inner)
      return fail(
        errors.badRequest(
          `Inside ${node.collection}/any(${node.variable}: …) every property must be written ${node.variable}/<property>.`,
        ),
      );
    const elementProperties: FilterableProperties<Record<string, string>> = Object.fromEntries(
      collection.properties.map((p) => [
        p,
        { type: 'string' as const, get: (e: Record<string, string>) => e[p] ?? null },
      ]),
    );
    const predicate = compileFilter(inner, elementProperties, `${node.collection} elements`);
    if (!predicate.ok) return predicate;
    return ok((item: T) => collection.elements(item).some(predicate.value));
  }
  if (node.kind === 'and' || node.kind === 'or') {
    const left = compileFilter(node.left, properties, typeName, collections);
    if (!left.ok) return left;
    const right = compileFilter(node.right, properties, typeName, collections);
    if (!right.ok) return right;
    return ok(
      node.kind === 'and'
        ? (item: T) => left.value(item) && right.value(item)
        : (item: T) => left.value(item) || right.value(item),
    );
  }
  const name = lookup(node.property);
  const spec = name ? properties[name] : undefined;
  if (!spec) return unsupported(node.property);
  const comparable = (value: string | boolean | null) =>
    spec.type === 'dateTime' && typeof value === 'string'
      ? Date.parse(value)
      : typeof value === 'string'
        ? value.toLowerCase()
        : value;

  if (node.kind === 'in') {
    if (!spec.in) return unsupported(`${node.property} in (…)`);
    const mismatch = node.literals.find((l) => l.kind !== 'null' && l.kind !== spec.type);
    if (mismatch) {
      return fail(
        errors.badRequest(
          `A binary operator with incompatible types was detected. Found operand types '${edm(spec.type)}' and '${edm(mismatch.kind)}' for '${node.property} in'.`,
        ),
      );
    }
    const wanted = new Set(node.literals.map((l) => comparable(l.kind === 'null' ? null : l.value)));
    return ok((item: T) => wanted.has(comparable(spec.get(item))));
  }
  const literal = node.literal;

  if (node.kind === 'startswith') {
    if (!spec.startsWith || literal.kind !== 'string') return unsupported(`startswith(${node.property})`);
    const prefix = literal.value.toLowerCase();
    return ok((item: T) =>
      String(spec.get(item) ?? '')
        .toLowerCase()
        .startsWith(prefix),
    );
  }
  if (literal.kind !== 'null' && literal.kind !== spec.type) {
    return fail(
      errors.badRequest(
        `A binary operator with incompatible types was detected. Found operand types '${edm(spec.type)}' and '${edm(literal.kind)}' for '${node.property} ${node.operator}'.`,
      ),
    );
  }
  const expected =
    literal.kind === 'null' ? null : literal.kind === 'dateTime' ? Date.parse(literal.value) : literal.value;
  const operator = node.operator;
  return ok((item: T) => {
    const raw = spec.get(item);
    const actual =
      spec.type === 'dateTime' && typeof raw === 'string'
        ? Date.parse(raw)
        : typeof raw === 'string'
          ? raw.toLowerCase()
          : raw;
    const wanted = typeof expected === 'string' ? expected.toLowerCase() : expected;
    if (operator === 'eq') return actual === wanted;
    if (operator === 'ne') return actual !== wanted;
    if (actual === null || wanted === null) return false;
    if (operator === 'gt') return actual > wanted;
    if (operator === 'ge') return actual >= wanted;
    if (operator === 'lt') return actual < wanted;
    return actual <= wanted;
  });
}

function edm(kind: Literal['kind'] | 'dateTime' | 'boolean' | 'string'): string {
  return kind === 'dateTime'
    ? 'Edm.DateTimeOffset'
    : kind === 'boolean'
      ? 'Edm.Boolean'
      : kind === 'string'
        ? 'Edm.String'
        : 'Edm.Null';
}
