/**
 * A group's answers document (`w/<w>/group/<g>/answers`): one Y.XmlFragment
 * per guiding question, named `answer:<questionId>`, in the shape the
 * y-prosemirror binding writes for the answer editor's schema:
 *
 *   paragraph | heading(level 1–3) | bullet_list | ordered_list → list_item → …
 *   text with the marks `strong` and `em`; `hard_break`
 *
 * Links are text (no link mark), so nothing in an answer is ever a live link.
 * The server checks every change against this (`checkAnswersTransaction`);
 * readers turn a fragment into `AnswerNode`s and render them as text
 * (`answerTree`, `answerPlainText`, `answerMarkdown`).
 */
import * as Y from 'yjs';

/** Why a change to an answers document was undone. */
export interface AnswerRefusal {
  code: 'invalid' | 'too_long';
  message: string;
}

export const AnswerLimits = {
  /** Characters of text in one answer. */
  textLength: 20_000,
  /** Fragments (answers) in one document; questions may be replaced over a round. */
  fragments: 60,
  /** Nesting of lists. */
  depth: 8,
  /** Elements in one answer. */
  elements: 3000,
} as const;

/** The name of the fragment that holds the answer to a question. */
export const answerFragmentName = (questionId: string) => `answer:${questionId}`;
const fragmentNamePattern = /^answer:[A-Za-z0-9_-]{1,64}$/;

/** Node names of the answer schema and the attributes each may carry. */
export const answerNodes = {
  paragraph: [],
  heading: ['level'],
  bullet_list: [],
  ordered_list: ['order'],
  list_item: [],
  hard_break: [],
} as const satisfies Record<string, readonly string[]>;
export type AnswerNodeName = keyof typeof answerNodes;
export const answerMarks = ['strong', 'em'] as const;

export type AnswerNode =
  | { type: 'paragraph' | 'bullet_list' | 'ordered_list' | 'list_item'; children: AnswerNode[] }
  | { type: 'heading'; level: 1 | 2 | 3; children: AnswerNode[] }
  | { type: 'hard_break' }
  | { type: 'text'; text: string; bold: boolean; italic: boolean };

const isAnswerNode = (name: string): name is AnswerNodeName => Object.hasOwn(answerNodes, name);

/** The answer as a tree of known nodes; anything else is left out. */
export function answerTree(fragment: Y.XmlFragment | Y.XmlElement): AnswerNode[] {
  const out: AnswerNode[] = [];
  for (const child of fragment.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const d of child.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
        if (typeof d.insert !== 'string') continue;
        out.push({ type: 'text', text: d.insert, bold: !!d.attributes?.strong, italic: !!d.attributes?.em });
      }
    } else if (child instanceof Y.XmlElement && isAnswerNode(child.nodeName)) {
      const name = child.nodeName;
      if (name === 'hard_break') out.push({ type: 'hard_break' });
      else if (name === 'heading') {
        const level = Number(child.getAttribute('level'));
        out.push({ type: 'heading', level: level === 1 || level === 2 ? level : 3, children: answerTree(child) });
      } else out.push({ type: name, children: answerTree(child) });
    }
  }
  return out;
}

function inline(nodes: AnswerNode[], mark: boolean): string {
  return nodes
    .map((n) => {
      if (n.type === 'text') {
        if (!mark || n.text.trim() === '') return n.text;
        const text = n.text.replace(/([*_\\`[\]<>#])/g, '\\$1');
        return n.bold && n.italic ? `***${text}***` : n.bold ? `**${text}**` : n.italic ? `*${text}*` : text;
      }
      if (n.type === 'hard_break') return '\n';
      return inline('children' in n ? n.children : [], mark);
    })
    .join('');
}

/** The answer as lines of text: headings and paragraphs as they are, list items with a marker and indent. */
function lines(nodes: AnswerNode[], markdown: boolean, depth = 0): string[] {
  const out: string[] = [];
  for (const n of nodes) {
    switch (n.type) {
      case 'paragraph':
        out.push(inline(n.children, markdown));
        break;
      case 'heading':
        out.push(markdown ? `${'#'.repeat(n.level + 3)} ${inline(n.children, true)}` : inline(n.children, false));
        break;
      case 'bullet_list':
      case 'ordered_list':
        n.children.forEach((item, i) => {
          const marker = n.type === 'ordered_list' ? `${i + 1}.` : markdown ? '-' : '•';
          const [first = '', ...rest] = lines('children' in item ? item.children : [], markdown, depth + 1);
          out.push(`${'  '.repeat(depth)}${marker} ${first.trimStart()}`, ...rest);
        });
        break;
      case 'list_item':
        out.push(...lines(n.children, markdown, depth));
        break;
      case 'text':
      case 'hard_break':
        out.push(inline([n], markdown));
        break;
    }
  }
  return out;
}

/** The answer as plain text (search, CSV, Word). */
export function answerPlainText(nodes: AnswerNode[]): string {
  return lines(nodes, false).filter((l) => l.trim() !== '').join('\n');
}

/** The answer as Markdown, every character of the text escaped so it stays text. */
export function answerMarkdown(nodes: AnswerNode[]): string {
  return lines(nodes, true).filter((l) => l.trim() !== '').join('\n\n');
}

/** Each answer of a group's answers document, by question id. */
export function answersOf(doc: Y.Doc, questionIds: readonly string[]): Record<string, AnswerNode[]> {
  const out: Record<string, AnswerNode[]> = {};
  for (const id of questionIds) {
    const name = answerFragmentName(id);
    out[id] = doc.share.has(name) ? answerTree(doc.getXmlFragment(name)) : [];
  }
  return out;
}

/**
 * Checks an answers document after a connection's change: only answer
 * fragments, only the schema's nodes, attributes and marks, bounded text and
 * nesting. Null when the document is fine.
 */
export function checkAnswersDocument(doc: Y.Doc): AnswerRefusal | null {
  const names = [...doc.share.keys()];
  if (names.length > AnswerLimits.fragments) return { code: 'invalid', message: 'This document holds too many answers.' };
  for (const name of names) {
    if (!fragmentNamePattern.test(name)) return { code: 'invalid', message: 'Not an answer.' };
    let fragment: Y.XmlFragment;
    try {
      fragment = doc.getXmlFragment(name);
    } catch {
      return { code: 'invalid', message: 'Not an answer.' };
    }
    // Map entries on the fragment itself (a Y.Map written under the same name) are not part of an answer.
    if (fragment._map.size > 0) return { code: 'invalid', message: 'Not an answer.' };
    const count = { text: 0, elements: 0 };
    const problem = checkChildren(fragment, 0, count);
    if (problem) return problem;
  }
  return null;
}

function checkChildren(parent: Y.XmlFragment | Y.XmlElement, depth: number, count: { text: number; elements: number }): AnswerRefusal | null {
  if (depth > AnswerLimits.depth) return { code: 'invalid', message: 'Lists are nested too deeply.' };
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText) {
      if (child._map.size > 0) return { code: 'invalid', message: 'Text may not carry attributes.' };
      for (const d of child.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
        if (typeof d.insert !== 'string') return { code: 'invalid', message: 'Only text is allowed in an answer.' };
        for (const key of Object.keys(d.attributes ?? {})) {
          if (!(answerMarks as readonly string[]).includes(key)) return { code: 'invalid', message: `The mark “${key}” is not allowed in an answer.` };
        }
        count.text += d.insert.length;
      }
      if (count.text > AnswerLimits.textLength) return { code: 'too_long', message: `An answer holds at most ${AnswerLimits.textLength} characters.` };
    } else if (child instanceof Y.XmlElement) {
      count.elements += 1;
      if (count.elements > AnswerLimits.elements) return { code: 'too_long', message: 'This answer is too long.' };
      if (!isAnswerNode(child.nodeName)) return { code: 'invalid', message: `“${child.nodeName.slice(0, 40)}” is not allowed in an answer.` };
      const allowed: readonly string[] = answerNodes[child.nodeName];
      for (const [key, value] of Object.entries(child.getAttributes())) {
        if (!allowed.includes(key)) return { code: 'invalid', message: `The attribute “${key.slice(0, 40)}” is not allowed in an answer.` };
        if (key === 'level' && ![1, 2, 3].includes(Number(value))) return { code: 'invalid', message: 'Headings have levels 1 to 3.' };
        if (key === 'order' && !(Number.isInteger(Number(value)) && Number(value) >= 0 && Number(value) < 10_000)) {
          return { code: 'invalid', message: 'A list starts at a small whole number.' };
        }
      }
      const problem = checkChildren(child, depth + 1, count);
      if (problem) return problem;
    } else {
      return { code: 'invalid', message: 'Only text and the editor’s elements are allowed in an answer.' };
    }
  }
  return null;
}
