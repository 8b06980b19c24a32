/**
 * Text made safe to stand in HTML, SVG or XML, in element content and in
 * quoted attribute values alike: the five characters that can end text or an
 * attribute (& < > " ') become references. The one escaping function of the
 * project: the report's HTML, its charts and the board drawings use it.
 */
const references: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeMarkup = (text: string): string => text.replace(/[&<>"']/g, (c) => references[c]!);
