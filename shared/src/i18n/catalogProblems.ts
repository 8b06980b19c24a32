/**
 * One completeness check for every ICU message catalog Plenary ships (the
 * interface's, in the client, and the report's, here): a translation has
 * exactly the source's keys, each message parses, uses the same arguments as
 * the source's, gives every whole number a form its language's CLDR plural
 * rules (read from Intl) call for, and formats. The ICU parser stays with the
 * caller (react-intl in the client, intl-messageformat on the server), so the
 * check runs on exactly the formatter that will format the messages; this
 * module only walks the syntax tree it returns.
 */

/**
 * A node of an ICU message's syntax tree, as @formatjs/icu-messageformat-parser
 * builds it (the parser of react-intl and intl-messageformat): `type` is its
 * TYPE enum, `value` the argument's or tag's name.
 */
export interface MessageNode {
  readonly type: number;
  readonly value?: unknown;
  readonly options?: Readonly<Record<string, { readonly value: readonly MessageNode[] }>>;
  readonly children?: readonly MessageNode[];
  readonly pluralType?: 'cardinal' | 'ordinal';
}

/** The parser's node types that matter here (TYPE in @formatjs/icu-messageformat-parser). */
export const MessageNodeType = { argument: 1, number: 2, date: 3, time: 4, select: 5, plural: 6, tag: 8 } as const;

/** A message compiled by the caller's formatter; compiling throws when the message does not parse. */
export interface CompiledMessage {
  ast(): readonly MessageNode[];
  format(values: Record<string, unknown>): unknown;
}
export type CompileMessage = (message: string, locale: string) => CompiledMessage;

/** What arguments a message uses, by kind of value they take. */
interface Arguments {
  names: Set<string>;
  numbers: Set<string>;
  dates: Set<string>;
  tags: Set<string>;
  selects: Map<string, string[]>;
  plurals: { name: string; ordinal: boolean; exact: Set<number>; forms: Set<string> }[];
}

function argumentsOf(nodes: readonly MessageNode[], into: Arguments = { names: new Set(), numbers: new Set(), dates: new Set(), tags: new Set(), selects: new Map(), plurals: [] }): Arguments {
  for (const n of nodes) {
    const name = typeof n.value === 'string' ? n.value : '';
    if ((Object.values(MessageNodeType) as number[]).includes(n.type)) into.names.add(name);
    if (n.type === MessageNodeType.number) into.numbers.add(name);
    if (n.type === MessageNodeType.date || n.type === MessageNodeType.time) into.dates.add(name);
    if (n.type === MessageNodeType.tag) into.tags.add(name);
    if (n.type === MessageNodeType.select) into.selects.set(name, Object.keys(n.options ?? {}));
    if (n.type === MessageNodeType.plural) {
      const keys = Object.keys(n.options ?? {});
      into.numbers.add(name);
      into.plurals.push({
        name,
        ordinal: n.pluralType === 'ordinal',
        exact: new Set(keys.filter((k) => k.startsWith('=')).map((k) => Number(k.slice(1)))),
        forms: new Set(keys.filter((k) => !k.startsWith('='))),
      });
    }
    for (const option of Object.values(n.options ?? {})) argumentsOf(option.value, into);
    if (n.children) argumentsOf(n.children, into);
  }
  into.names.delete('');
  return into;
}

/**
 * The whole numbers a plural message must have a form made for (a `=n` or
 * the category the language's rules give n): counts a workshop can reach.
 * Millions, which French, Spanish and Portuguese put in a category of
 * their own ("many"), are not among them.
 */
const wholeNumbers = Array.from({ length: 1100 }, (_, i) => i);

/** Sample values for every argument, one set per select option (plural arguments take `n`). */
function samples(args: Arguments, n: number): Record<string, unknown>[] {
  const base: Record<string, unknown> = {};
  for (const name of args.names) base[name] = 'Text';
  for (const name of args.numbers) base[name] = n;
  for (const name of args.dates) base[name] = new Date(Date.UTC(2019, 4, 20, 14, 30));
  for (const name of args.tags) base[name] = (chunks: unknown[]) => chunks.join('');
  const sets = [base];
  for (const [name, keys] of args.selects) for (const key of keys) sets.push({ ...base, [name]: key });
  return sets;
}

const same = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));

/**
 * Every problem of one language's catalog against the source catalog, as
 * `"<locale> <key>: <what>"` lines; empty when it is complete. The source is
 * English; pass it as both catalogs to check it too (it parses, its plurals are whole).
 */
export function catalogProblems(source: Readonly<Record<string, string>>, catalog: Readonly<Record<string, string>>, locale: string, compile: CompileMessage): string[] {
  const problems: string[] = [];
  const sourceLocale = 'en';
  for (const key of Object.keys(source)) if (!(key in catalog)) problems.push(`${locale} ${key}: missing`);
  for (const key of Object.keys(catalog)) if (!(key in source)) problems.push(`${locale} ${key}: not in the source catalog`);
  const cardinal = new Intl.PluralRules(locale);
  const ordinal = new Intl.PluralRules(locale, { type: 'ordinal' });
  for (const [key, message] of Object.entries(catalog)) {
    const wanted = source[key];
    if (wanted === undefined) continue;
    let args: Arguments;
    let compiled: CompiledMessage;
    try {
      compiled = compile(message, locale);
      args = argumentsOf(compiled.ast());
    } catch (e) {
      problems.push(`${locale} ${key}: does not parse (${String(e)})`);
      continue;
    }
    if (message.trim() === '' && wanted.trim() !== '') problems.push(`${locale} ${key}: empty`);
    try {
      const expected = argumentsOf(compile(wanted, sourceLocale).ast());
      if (!same(args.names, expected.names)) problems.push(`${locale} ${key}: arguments {${[...args.names].sort().join(', ')}}, the source has {${[...expected.names].sort().join(', ')}}`);
    } catch {
      // The source's own check reports it.
    }
    for (const p of args.plurals) {
      const rules = p.ordinal ? ordinal : cardinal;
      const lacking = new Set(wholeNumbers.filter((n) => !p.exact.has(n) && !p.forms.has(rules.select(n))).map((n) => rules.select(n)));
      if (lacking.size > 0) problems.push(`${locale} ${key}: {${p.name}} has no form "${[...lacking].sort().join('", "')}" (CLDR plural rules of ${locale})`);
    }
    for (const n of args.plurals.length > 0 ? [0, 1, 2, 3, 5, 11, 21, 101] : [3]) {
      for (const values of samples(args, n)) {
        try {
          const out = compiled.format(values);
          if (typeof out !== 'string') problems.push(`${locale} ${key}: formats to ${typeof out}, not text`);
        } catch (e) {
          problems.push(`${locale} ${key}: does not format with ${JSON.stringify(values)} (${String(e)})`);
        }
      }
    }
  }
  return [...new Set(problems)];
}
