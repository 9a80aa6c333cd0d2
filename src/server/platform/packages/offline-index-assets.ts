/**
 * The inline style and script of an offline package's index.html. Plain ES5-level script and
 * no modules or fetch, so that it runs from file:// in any browser of a school computer; it
 * only shows and hides the list the page already contains (the page reads without script).
 */
export const INDEX_CSS = `
:root{--fg:#1a1a1a;--muted:#4b5563;--accent:#0b5394;--line:#d0d7de}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:var(--fg);background:#f6f8fa}
header{background:var(--accent);color:#fff}
header>div,main,footer{max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;line-height:1.25;margin:0 0 .25rem;overflow-wrap:anywhere}
h2{font-size:1.125rem;margin:1rem 0 .5rem}
header p{margin:.25rem 0}
.filters{display:grid;gap:.75rem;grid-template-columns:1fr}
@media (min-width:40rem){.filters{grid-template-columns:2fr 1fr 1fr}}
label{display:block;font-weight:600;margin-bottom:.25rem}
input,select{width:100%;font:inherit;padding:.5rem;border:1px solid #6e7781;border-radius:.375rem;background:#fff;color:inherit}
:focus-visible{outline:3px solid #b45309;outline-offset:2px}
#status{margin:.75rem 0;color:var(--muted)}
ul.resources{list-style:none;padding:0;margin:0;display:grid;gap:1rem}
.resource{background:#fff;border:1px solid var(--line);border-radius:.5rem;padding:1rem}
.resource h3{margin:0 0 .25rem;font-size:1.125rem;overflow-wrap:anywhere}
.kind{display:inline-block;font-size:.8125rem;font-weight:600;color:var(--accent);border:1px solid currentColor;border-radius:1rem;padding:0 .5rem;margin-bottom:.25rem}
.meta,.credit{color:var(--muted);font-size:.875rem;margin:.25rem 0}
.desc{margin:.5rem 0;overflow-wrap:anywhere;white-space:pre-line}
.preview img,.preview video{display:block;max-width:100%;height:auto;border-radius:.25rem;margin:.5rem 0}
.preview audio{width:100%;margin:.5rem 0}
.files{padding-left:1.25rem;margin:.5rem 0}
a{color:var(--accent);overflow-wrap:anywhere}
.empty{padding:1rem;background:#fff;border:1px dashed var(--line);border-radius:.5rem}
footer{color:var(--muted);font-size:.875rem}
`;

/** Search as you type, accent-insensitive with the rule of gds_search_key: NFD, marks dropped, đ → d, lower case. */
export const INDEX_JS = String.raw`(function () {
  'use strict';
  function fold(s) {
    return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
  }
  var q = document.getElementById('q');
  var subject = document.getElementById('subject');
  var grade = document.getElementById('grade');
  var status = document.getElementById('status');
  var empty = document.getElementById('empty');
  var items = Array.prototype.slice.call(document.querySelectorAll('li.resource'));
  function has(list, value) {
    return (' ' + list + ' ').indexOf(' ' + value + ' ') !== -1;
  }
  function apply() {
    var terms = fold(q.value).split(/\s+/).filter(Boolean);
    var s = subject.value;
    var g = grade.value;
    var shown = 0;
    items.forEach(function (li) {
      var key = li.getAttribute('data-key') || '';
      var ok = terms.every(function (t) { return key.indexOf(t) !== -1; }) &&
        (!s || has(li.getAttribute('data-subjects'), s)) &&
        (!g || has(li.getAttribute('data-grades'), g));
      li.hidden = !ok;
      if (ok) shown += 1;
    });
    empty.hidden = shown !== 0;
    status.textContent = shown === items.length
      ? 'Có ' + items.length + ' học liệu.'
      : 'Tìm thấy ' + shown + ' trên ' + items.length + ' học liệu.';
  }
  q.addEventListener('input', apply);
  subject.addEventListener('change', apply);
  grade.addEventListener('change', apply);
  document.getElementById('filters').addEventListener('submit', function (e) { e.preventDefault(); });
  apply();
})();`;
