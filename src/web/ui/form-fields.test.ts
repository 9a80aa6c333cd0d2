import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TextArea } from './form-fields.tsx';

describe('TextArea', () => {
  it('ties its label, hint and error to the textarea', () => {
    const html = renderToStaticMarkup(
      createElement(TextArea, {
        id: 'x-note',
        label: 'Ghi chú',
        hint: 'Tối đa 4000 ký tự',
        error: 'Bắt buộc',
        rows: 3,
        maxLength: 4000,
        value: '',
        onChange: () => {},
      }),
    );
    expect(html).toContain('<label for="x-note">Ghi chú</label>');
    expect(html).toContain('<p id="x-note-hint" class="hint field-hint">Tối đa 4000 ký tự</p>');
    expect(html).toMatch(
      /<textarea id="x-note" aria-invalid="true" aria-describedby="x-note-hint x-note-error" rows="3" maxLength="4000"/,
    );
    expect(html).toContain('<p id="x-note-error" class="field-error">Bắt buộc</p>');
  });

  it('has no hint, error or aria attributes it does not need', () => {
    const html = renderToStaticMarkup(
      createElement(TextArea, { id: 'x-reason', label: 'Lý do', name: 'reason', required: true }),
    );
    expect(html).toBe(
      '<div class="field"><label for="x-reason">Lý do</label><textarea id="x-reason" name="reason" required=""></textarea></div>',
    );
  });
});
