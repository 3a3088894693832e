// The part of Go's text/template that Grafana's data proxy applies to a route's `url`, `headers`
// and `urlParams` (grafana/grafana pkg/api/pluginproxy/utils.go `interpolateString`, which adds the
// one helper `orEmpty`). The data is pkg/api/pluginproxy/pluginproxy.go `templateData`:
// `.URL`, `.JsonData` (a map of any JSON value) and `.SecureJsonData` (a map of strings).
//
// Reproduced as the Go standard library does it (text/template exec.go, parse/lex.go): a missing map
// key prints "<no value>", a field of a missing key is missing too, a field of a string or of a JSON
// null is an execution error, `{{-` / `-}}` trim the neighbouring white space, `{{/* */}}` is a
// comment, `if` / `else if` / `else` / `end` with Go's truthiness. Go builtins this preview does not
// implement (printf, index, eq...) fail with a message that says so rather than render differently.

export class GoTemplateError extends Error {
  constructor(message, kind) {
    super(message);
    this.name = 'GoTemplateError';
    /** 'parse' or 'exec' as in Go; 'unsupported' when only the preview cannot do it. */
    this.kind = kind;
  }
}

const GO_BUILTINS = new Set([
  'and',
  'call',
  'html',
  'index',
  'slice',
  'js',
  'len',
  'not',
  'or',
  'print',
  'printf',
  'println',
  'urlquery',
  'eq',
  'ge',
  'gt',
  'le',
  'lt',
  'ne',
]);
const KEYWORDS = new Set(['if', 'else', 'end', 'range', 'with', 'define', 'template', 'block', 'break', 'continue']);
const SPACE = /[ \t\r\n]/;
/** The value of a missing map key: Go's invalid reflect.Value. */
const MISSING = Symbol('missing');
const TEMPLATE_DATA = Symbol('templateData');

const parseError = (msg) => new GoTemplateError(`template: content: ${msg}`, 'parse');
const execError = (msg) => new GoTemplateError(`template: content: executing "content": ${msg}`, 'exec');

/** Splits text and actions, applying trim markers as Go's lexer does. */
function lex(text) {
  const items = [];
  let i = 0;
  let trimNext = false;
  while (i < text.length) {
    const open = text.indexOf('{{', i);
    let chunk = text.slice(i, open < 0 ? text.length : open);
    if (trimNext) {
      chunk = chunk.replace(/^[ \t\r\n]+/, '');
    }
    if (open < 0) {
      items.push({ text: chunk });
      break;
    }
    let start = open + 2;
    if (text[start] === '-' && SPACE.test(text[start + 1] ?? '')) {
      chunk = chunk.replace(/[ \t\r\n]+$/, '');
      start += 2;
    }
    if (chunk) {
      items.push({ text: chunk });
    }
    const close = text.indexOf('}}', start);
    if (close < 0) {
      throw parseError('unclosed action');
    }
    let end = close;
    trimNext = false;
    if (text[close - 1] === '-' && close - 2 >= start && SPACE.test(text[close - 2])) {
      end = close - 2;
      trimNext = true;
    }
    const body = text.slice(start, end).trim();
    if (!(body.startsWith('/*') && body.endsWith('*/'))) {
      items.push({ action: body });
    }
    i = close + 2;
  }
  return items;
}

/** Tokens of one action: fields, identifiers, string literals and `|`. */
function tokenize(action) {
  const tokens = [];
  let i = 0;
  while (i < action.length) {
    const c = action[i];
    if (SPACE.test(c)) {
      i++;
    } else if (c === '|') {
      tokens.push({ pipe: true });
      i++;
    } else if (c === '"' || c === '`') {
      const lit = c === '"' ? /^"(?:[^"\\\n]|\\.)*"/.exec(action.slice(i)) : /^`[^`]*`/.exec(action.slice(i));
      if (!lit) {
        throw parseError('unterminated quoted string');
      }
      tokens.push({ string: c === '"' ? JSON.parse(lit[0]) : lit[0].slice(1, -1) });
      i += lit[0].length;
    } else if (c === '.') {
      const m = /^(?:\.[\p{L}_][\p{L}\p{N}_]*)+|^\./u.exec(action.slice(i));
      tokens.push({ field: m[0] === '.' ? [] : m[0].slice(1).split('.') });
      i += m[0].length;
    } else {
      const m = /^[\p{L}_][\p{L}\p{N}_]*/u.exec(action.slice(i));
      if (!m) {
        throw new GoTemplateError(
          `the preview does not implement this part of Go templates: "${action.slice(i)}"`,
          'unsupported'
        );
      }
      tokens.push({ ident: m[0] });
      i += m[0].length;
    }
  }
  return tokens;
}

/** A pipeline: commands separated by `|`, each an operand or a function with arguments. */
function parsePipeline(tokens, context) {
  if (tokens.length === 0) {
    throw parseError(`missing value for ${context}`);
  }
  const commands = [[]];
  for (const t of tokens) {
    if (t.pipe) {
      commands.push([]);
    } else {
      commands.at(-1).push(t);
    }
  }
  for (const cmd of commands) {
    if (cmd.length === 0) {
      throw parseError('missing command');
    }
    const head = cmd[0];
    if (head.ident !== undefined) {
      if (['true', 'false', 'nil'].includes(head.ident) || KEYWORDS.has(head.ident)) {
        if (cmd.length > 1 || head.ident === 'nil' || KEYWORDS.has(head.ident)) {
          throw parseError(`unexpected "${head.ident}" in ${context}`);
        }
      } else if (GO_BUILTINS.has(head.ident)) {
        throw new GoTemplateError(
          `the preview does not implement the Go template function "${head.ident}"`,
          'unsupported'
        );
      } else if (head.ident !== 'orEmpty') {
        throw parseError(`function "${head.ident}" not defined`);
      }
    } else if (cmd.length > 1) {
      throw execError(`can't give argument to non-function`);
    }
    for (const arg of cmd.slice(1)) {
      if (arg.ident !== undefined && !['true', 'false'].includes(arg.ident)) {
        throw parseError(`unexpected "${arg.ident}" in operand`);
      }
    }
  }
  return commands;
}

/** The action list as a tree: text, output actions and if/else chains. */
function parse(text) {
  const root = [];
  const stack = [{ nodes: root }];
  for (const item of lex(text)) {
    const top = stack.at(-1);
    if (item.text !== undefined) {
      top.nodes.push({ text: item.text });
      continue;
    }
    const tokens = tokenize(item.action);
    const word = tokens[0]?.ident;
    if (word === 'if') {
      const node = { branches: [{ cond: parsePipeline(tokens.slice(1), 'if'), nodes: [] }] };
      top.nodes.push(node);
      stack.push({ if: node, nodes: node.branches[0].nodes });
    } else if (word === 'else') {
      if (!top.if || top.if.otherwise) {
        throw parseError('unexpected {{else}}');
      }
      if (tokens[1]?.ident === 'if') {
        const branch = { cond: parsePipeline(tokens.slice(2), 'if'), nodes: [] };
        top.if.branches.push(branch);
        top.nodes = branch.nodes;
      } else if (tokens.length > 1) {
        throw parseError('unexpected token in else');
      } else {
        top.if.otherwise = [];
        top.nodes = top.if.otherwise;
      }
    } else if (word === 'end') {
      if (!top.if || tokens.length > 1) {
        throw parseError('unexpected {{end}}');
      }
      stack.pop();
    } else if (word !== undefined && KEYWORDS.has(word)) {
      throw new GoTemplateError(`the preview does not implement {{${word}}} in Go templates`, 'unsupported');
    } else {
      top.nodes.push({ pipeline: parsePipeline(tokens, 'command') });
    }
  }
  if (stack.length > 1) {
    throw parseError('unexpected EOF');
  }
  return root;
}

function typeName(v) {
  if (v === TEMPLATE_DATA) {
    return 'pluginproxy.templateData';
  }
  if (Array.isArray(v)) {
    return '[]interface {}';
  }
  if (typeof v === 'number') {
    return Number.isInteger(v) ? 'int64' : 'float64';
  }
  return typeof v;
}

function field(data, receiver, names) {
  let v = receiver;
  let parentIsData = receiver === TEMPLATE_DATA;
  for (const name of names) {
    if (v === MISSING) {
      continue;
    }
    if (parentIsData) {
      if (!['URL', 'JsonData', 'SecureJsonData'].includes(name)) {
        throw execError(`can't evaluate field ${name} in type pluginproxy.templateData`);
      }
      v = data[name];
      parentIsData = false;
    } else if (v === null) {
      throw execError(`nil pointer evaluating interface {}.${name}`);
    } else if (typeof v === 'object' && !Array.isArray(v)) {
      v = Object.hasOwn(v, name) ? v[name] : MISSING;
    } else {
      throw execError(`can't evaluate field ${name} in type ${typeName(v)}`);
    }
  }
  return v;
}

function operand(data, token) {
  if (token.string !== undefined) {
    return token.string;
  }
  if (token.ident === 'true' || token.ident === 'false') {
    return token.ident === 'true';
  }
  return token.field.length === 0 ? TEMPLATE_DATA : field(data, TEMPLATE_DATA, token.field);
}

function evalPipeline(data, commands) {
  let value;
  commands.forEach((cmd, i) => {
    const [head, ...args] = cmd;
    if (head.ident === 'orEmpty') {
      const argv = args.map((a) => operand(data, a));
      if (i > 0) {
        argv.push(value);
      }
      if (argv.length !== 1) {
        throw execError(`wrong number of args for orEmpty: want 1 got ${argv.length}`);
      }
      value = argv[0] === MISSING || argv[0] === null ? '' : argv[0];
    } else {
      if (i > 0) {
        throw execError(`can't give argument to non-function`);
      }
      value = operand(data, head);
    }
  });
  return value;
}

/** Go's `isTrue`: the zero value of its kind is false, a missing value too. */
function truth(v) {
  if (v === MISSING || v === null || v === false || v === '' || v === 0) {
    return false;
  }
  if (Array.isArray(v)) {
    return v.length > 0;
  }
  return typeof v === 'object' ? Object.keys(v).length > 0 : true;
}

/** Go's %v of a decoded JSON value: int64 or float64 numbers, `[a b]` lists, `map[k:v]` objects. */
export function formatGoValue(v, data) {
  if (v === MISSING || v === null) {
    return '<no value>';
  }
  return formatInner(v, data);
}

function formatInner(v, data) {
  if (v === null) {
    return '<nil>';
  }
  if (v === TEMPLATE_DATA) {
    return `{${data.URL} ${formatInner(data.JsonData, data)} ${formatInner(data.SecureJsonData, data)}}`;
  }
  if (typeof v === 'number') {
    return formatGoNumber(v);
  }
  if (Array.isArray(v)) {
    return `[${v.map((x) => formatInner(x, data)).join(' ')}]`;
  }
  if (typeof v === 'object') {
    const keys = Object.keys(v).sort();
    return `map[${keys.map((k) => `${k}:${formatInner(v[k], data)}`).join(' ')}]`;
  }
  return String(v);
}

function formatGoNumber(n) {
  if (Number.isInteger(n) && Math.abs(n) < 2 ** 63) {
    return BigInt(n).toString();
  }
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e21)) {
    // strconv 'g' with the shortest digits: an exponent of at least two digits.
    return n.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
  }
  return String(n);
}

function run(nodes, data, out) {
  for (const node of nodes) {
    if (node.text !== undefined) {
      out.push(node.text);
    } else if (node.pipeline) {
      out.push(formatGoValue(evalPipeline(data, node.pipeline), data));
    } else {
      const branch = node.branches.find((b) => truth(evalPipeline(data, b.cond)));
      run(branch ? branch.nodes : (node.otherwise ?? []), data, out);
    }
  }
}

/**
 * Renders `text` over Grafana's route template data, or throws a GoTemplateError.
 * @param {string} text
 * @param {{ URL?: string, JsonData?: Record<string, unknown>, SecureJsonData?: Record<string, string> }} data
 */
export function renderGoTemplate(text, data) {
  const full = { URL: data.URL ?? '', JsonData: data.JsonData ?? {}, SecureJsonData: data.SecureJsonData ?? {} };
  const out = [];
  run(parse(String(text)), full, out);
  return out.join('');
}
