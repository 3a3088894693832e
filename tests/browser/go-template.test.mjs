// The Go text/template subset the data proxy renders route urls and headers with
// (preview/server/goTemplate.mjs), against what Go's text/template prints for the same template and
// data (grafana/grafana pkg/api/pluginproxy/utils.go interpolateString).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GoTemplateError, renderGoTemplate } from '../../preview/server/goTemplate.mjs';

const data = {
  URL: 'http://ds',
  JsonData: {
    url: 'http://backstage:7007',
    scheme: 'Bearer',
    empty: '',
    nothing: null,
    n: 15,
    f: 0.5,
    tiny: 0.00001,
    on: true,
    list: ['a', 1, null],
    obj: { b: 2, a: 'x' },
  },
  SecureJsonData: { token: 's3cret', blank: '' },
};
const render = (t) => renderGoTemplate(t, data);
const fails = (t, kind, message) =>
  assert.throws(
    () => render(t),
    (e) => e instanceof GoTemplateError && e.kind === kind && message.test(e.message),
    t
  );

test('fields of .JsonData and .SecureJsonData print their value, a missing key prints <no value>', () => {
  assert.equal(render('{{ .JsonData.url }}/api'), 'http://backstage:7007/api');
  assert.equal(render('{{.JsonData.scheme}} {{ .SecureJsonData.token }}'), 'Bearer s3cret');
  assert.equal(render('Bearer {{ .SecureJsonData.missing }}'), 'Bearer <no value>');
  assert.equal(render('{{ .JsonData.missing }}'), '<no value>');
  assert.equal(render('{{ .JsonData.nothing }}'), '<no value>', 'a JSON null is a nil interface');
  assert.equal(render('{{ .JsonData.missing.deeper }}'), '<no value>', 'a field of a missing key is missing');
  assert.equal(render('{{ .JsonData.empty }}|{{ .SecureJsonData.blank }}'), '|');
  assert.equal(render('{{ .URL }}'), 'http://ds');
});

test('values print as Go prints int64, float64, bool, lists and maps', () => {
  assert.equal(
    render('{{ .JsonData.n }} {{ .JsonData.f }} {{ .JsonData.tiny }} {{ .JsonData.on }}'),
    '15 0.5 1e-05 true'
  );
  assert.equal(render('{{ .JsonData.list }}'), '[a 1 <nil>]');
  assert.equal(render('{{ .JsonData.obj }}'), 'map[a:x b:2]');
  assert.equal(render('{{ "lit" }} {{ `raw` }}'), 'lit raw');
});

test('orEmpty turns a missing or null value into an empty string, in call and pipe form', () => {
  assert.equal(render('[{{ .SecureJsonData.missing | orEmpty }}]'), '[]');
  assert.equal(render('[{{ orEmpty .JsonData.nothing }}]'), '[]');
  assert.equal(render('[{{ orEmpty .JsonData.scheme }}]'), '[Bearer]');
  fails('{{ orEmpty }}', 'exec', /wrong number of args for orEmpty: want 1 got 0/);
});

test('if / else if / else / end use Go truthiness: missing, null, "", 0 and empty lists are false', () => {
  const t = '{{ if .SecureJsonData.token }}Bearer {{ .SecureJsonData.token }}{{ end }}';
  assert.equal(render(t), 'Bearer s3cret');
  assert.equal(render(t.replaceAll('token', 'blank')), '');
  assert.equal(render(t.replaceAll('token', 'missing')), '');
  assert.equal(render('{{ if .JsonData.missing }}a{{ else if .JsonData.n }}b{{ else }}c{{ end }}'), 'b');
  assert.equal(render('{{ if .JsonData.nothing }}a{{ else }}c{{ end }}'), 'c');
  assert.equal(render('{{ if .JsonData.obj }}{{ if .JsonData.empty }}x{{ else }}y{{ end }}{{ end }}'), 'y');
});

test('trim markers eat the white space beside them, comments print nothing', () => {
  assert.equal(render('a  {{- .JsonData.scheme -}}  \n b'), 'aBearerb');
  assert.equal(render('a {{- /* a comment */ -}} b'), 'ab');
  assert.equal(render('a {{/* kept spaces */}} b'), 'a  b');
});

test('parse and execution errors are errors, as Go reports them', () => {
  fails('{{ .JsonData.url ', 'parse', /unclosed action/);
  fails('{{ if .JsonData.url }}x', 'parse', /unexpected EOF/);
  fails('x{{ end }}', 'parse', /unexpected \{\{end\}\}/);
  fails('{{ else }}', 'parse', /unexpected \{\{else\}\}/);
  fails('{{ if }}x{{ end }}', 'parse', /missing value for if/);
  fails('{{ default "x" .JsonData.url }}', 'parse', /function "default" not defined/);
  fails('{{ .Token }}', 'exec', /can't evaluate field Token in type pluginproxy.templateData/);
  fails('{{ .JsonData.url.host }}', 'exec', /can't evaluate field host in type string/);
  fails('{{ .JsonData.nothing.x }}', 'exec', /nil pointer evaluating interface \{\}\.x/);
});

test('Go builtins the preview does not implement fail and say so', () => {
  fails('{{ printf "%s" .JsonData.url }}', 'unsupported', /does not implement the Go template function "printf"/);
  fails('{{ range .JsonData.list }}x{{ end }}', 'unsupported', /does not implement \{\{range\}\}/);
  fails('{{ $x := 1 }}', 'unsupported', /does not implement/);
});
