/**
 * Finds where JSON text stops being valid, because Node 20's JSON.parse messages do not always
 * say where. A strict recursive-descent scan that builds nothing; depth is bounded by an
 * explicit stack so deeply nested input cannot overflow.
 */
export interface JsonSyntaxProblem {
  line: number;
  column: number;
  reason: string;
}

export function locateJsonError(text: string): JsonSyntaxProblem | undefined {
  let i = 0;
  const fail = (reason: string): JsonSyntaxProblem => {
    let line = 1;
    let lineStart = 0;
    for (let k = 0; k < i && k < text.length; k++) {
      if (text.charCodeAt(k) === 10) {
        line++;
        lineStart = k + 1;
      }
    }
    return { line, column: i - lineStart + 1, reason };
  };
  const space = (): void => {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
  };
  const describe = (): string => (i >= text.length ? 'unexpected end of input' : `unexpected ${JSON.stringify(text[i])}`);
  const string = (): JsonSyntaxProblem | undefined => {
    i++;
    while (i < text.length && text[i] !== '"') {
      const c = text.charCodeAt(i);
      if (c < 0x20) return fail('control character in string');
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) return fail('bad \\u escape');
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? '')) return fail('bad escape in string');
      }
      i++;
    }
    if (i >= text.length) return fail('unterminated string');
    i++;
    return undefined;
  };
  const scalar = (): JsonSyntaxProblem | undefined => {
    if (text[i] === '"') return string();
    const number = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (number && number[0].length > 0) {
      i += number[0].length;
      return undefined;
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return undefined;
      }
    }
    return fail(`${describe()}, expected a value`);
  };
  // Stack of open containers: '{' or '['.
  const stack: string[] = [];
  space();
  for (;;) {
    space();
    if (text[i] === '{' || text[i] === '[') {
      const open = text[i]!;
      i++;
      space();
      const close = open === '{' ? '}' : ']';
      if (text[i] === close) i++;
      else {
        stack.push(open);
        if (open === '{') {
          if (text[i] !== '"') return fail(`${describe()}, expected a property name`);
          const problem = string();
          if (problem) return problem;
          space();
          if (text[i] !== ':') return fail(`${describe()}, expected ':'`);
          i++;
        }
        continue;
      }
    } else {
      const problem = scalar();
      if (problem) return problem;
    }
    // After a value: close containers or move to the next element.
    for (;;) {
      space();
      const open = stack[stack.length - 1];
      if (open === undefined) {
        return i < text.length ? fail(`${describe()} after the end of the document`) : undefined;
      }
      const close = open === '{' ? '}' : ']';
      if (text[i] === close) {
        stack.pop();
        i++;
        continue;
      }
      if (text[i] !== ',') return fail(`${describe()}, expected ',' or '${close}'`);
      i++;
      space();
      if (open === '{') {
        if (text[i] !== '"') return fail(`${describe()}, expected a property name`);
        const problem = string();
        if (problem) return problem;
        space();
        if (text[i] !== ':') return fail(`${describe()}, expected ':'`);
        i++;
      }
      break;
    }
  }
}
