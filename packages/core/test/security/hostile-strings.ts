/**
 * Strings that break a gateway which splices values into Dana source (the reference Python integration does):
 * quotes that close a literal, statement separators, newlines that start a new statement, braces an f-string
 * would evaluate, NUL, lone surrogates, and a megabyte. Values cross as data, so each must come back unchanged.
 */
const megabyte = `${"a\"\"\"b'''c ; d\n{e}\u0000".repeat((1024 * 1024) / 16)}`.slice(0, 1024 * 1024);

/** Label and string pairs (not an object: a `__proto__` key there would set the prototype, not add an entry). */
export const hostileStrings: readonly (readonly [label: string, text: string])[] = [
  ["triple double quotes", 'end""" + reason("leak") + """'],
  ["triple single quotes", "end''' ; import os ; '''"],
  ["semicolon statement", 'x" ; print("injected") ; y = "'],
  ["newline statement", '"\nprint("injected")\nx = "'],
  ["f-string braces", "{__import__('os')} {{}} {0} {x!r:>10}"],
  ["percent format", "%s %(x)s %d %%"],
  ["NUL", "before\u0000after"],
  ["lone high surrogate", "a\ud800b"],
  ["lone low surrogate", "a\udc00b"],
  ["reversed surrogate pair", "\udc00\ud800"],
  ["backslashes and escapes", "\\n \\u0000 \\x00 \\"],
  ["unicode line separators", "a\u2028b\u2029c\r\nd\re"],
  ["dana code", "def f():\n    return 1\nf()"],
  ["__proto__", "__proto__"],
  ["JSON special", '{"__proto__": {"polluted": 1}}'],
  ["one megabyte", megabyte],
];
