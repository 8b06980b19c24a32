// @ts-check
/**
 * ESLint rule: user-visible text in client components comes from i18n, never
 * from a literal. Reports letters written as JSX text, as a string or template
 * literal in a JSX child (`{'Close'}`, `{busy ? 'Saving' : 'Save'}`,
 * `{name || 'Nobody'}`), and as the value of an attribute people read or hear
 * (`aria-label`, `title`, `placeholder`, `alt`, `label`, …), on DOM elements and on
 * components alike. Symbols and digits (`·`, `—`, `×`, `%`, `1`) are allowed.
 */

const letters = /\p{L}/u;

/** Attributes whose value is shown or spoken. */
const visibleAttributes = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'aria-placeholder',
  'title',
  'placeholder',
  'alt',
  'label',
  'legend',
  'caption',
  'hint',
  'heading',
  'message',
  'emptyText',
  'ariaLabel',
]);

/** The literals an expression can evaluate to as text: the expression itself, branches of `?:`, `||`, `??`, `&&`. */
function* textLeaves(node) {
  if (!node) return;
  switch (node.type) {
    case 'Literal':
      if (typeof node.value === 'string') yield { node, text: node.value };
      return;
    case 'TemplateLiteral':
      yield { node, text: node.quasis.map((q) => q.value.cooked ?? '').join(' ') };
      return;
    case 'ConditionalExpression':
      yield* textLeaves(node.consequent);
      yield* textLeaves(node.alternate);
      return;
    case 'LogicalExpression':
      if (node.operator !== '&&') yield* textLeaves(node.left);
      yield* textLeaves(node.right);
      return;
    case 'TSAsExpression':
    case 'TSNonNullExpression':
    case 'TSSatisfiesExpression':
      yield* textLeaves(node.expression);
      return;
    default:
      return;
  }
}

/** @type {import('eslint').Rule.RuleModule} */
export const noLiteralUiText = {
  meta: {
    type: 'problem',
    docs: { description: 'User-visible text must come from the i18n catalogs (client/src/i18n/messages).' },
    messages: {
      text: 'User-visible text must come from i18n (useT / FormattedMessage), not be written in the component: "{{text}}".',
      attribute: 'The "{{name}}" attribute is read or heard by people: take its text from i18n, not "{{text}}".',
    },
    schema: [],
  },
  create(context) {
    const report = (node, messageId, text, name) =>
      context.report({ node, messageId, data: { text: text.trim().slice(0, 40), name: name ?? '' } });
    return {
      JSXText(node) {
        if (letters.test(node.value)) report(node, 'text', node.value);
      },
      JSXExpressionContainer(node) {
        const parent = node.parent;
        if (parent.type !== 'JSXElement' && parent.type !== 'JSXFragment') return;
        for (const leaf of textLeaves(node.expression)) if (letters.test(leaf.text)) report(leaf.node, 'text', leaf.text);
      },
      JSXAttribute(node) {
        const name = node.name.type === 'JSXIdentifier' ? node.name.name : `${node.name.namespace.name}:${node.name.name.name}`;
        if (!visibleAttributes.has(name) || !node.value) return;
        const value = node.value.type === 'JSXExpressionContainer' ? node.value.expression : node.value;
        for (const leaf of textLeaves(value)) if (letters.test(leaf.text)) report(leaf.node, 'attribute', leaf.text, name);
      },
    };
  },
};

export default { rules: { 'no-literal-ui-text': noLiteralUiText } };
