import i18next from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { type DataColumn, DataTable } from './data-table';

interface Row {
  id: string;
  name: string;
  count: number;
}

const columns: DataColumn<Row>[] = [
  { labelKey: 'demo.name', cell: (r) => r.name },
  { labelKey: 'demo.count', numeric: true, className: (r) => (r.count > 1 ? 'many' : undefined), cell: (r) => r.count },
];

const render = (props: Parameters<typeof DataTable<Row>>[0]) => renderToStaticMarkup(createElement(DataTable<Row>, props));

describe('DataTable', () => {
  beforeAll(async () => {
    await i18next.use(initReactI18next).init({ lng: 'en', resources: { en: { translation: { demo: { name: 'Name', count: 'Count' } } } } });
  });

  it('draws column headers and labels each cell with its header', () => {
    const html = render({
      columns,
      rows: [
        { id: 'a', name: 'Ann', count: 2 },
        { id: 'b', name: 'Bo', count: 1 },
      ],
      rowKey: (r) => r.id,
      testId: 't',
      rowTestId: 'r',
      rowProps: (r) => ({ 'data-id': r.id }),
    });
    expect(html).toContain('<table class="table" data-testid="t">');
    expect(html).toContain('<th scope="col">Name</th><th scope="col" class="num">Count</th>');
    expect(html).toContain(
      '<tr data-testid="r" data-id="a"><td data-label="Name">Ann</td><td data-label="Count" class="num many">2</td></tr>',
    );
    expect(html).toContain('<td data-label="Count" class="num">1</td>');
  });

  it('shows the empty state instead of an empty table when given one', () => {
    expect(render({ columns, rows: [], empty: 'Nothing yet' })).toBe('<p class="empty-state">Nothing yet</p>');
    expect(render({ columns, rows: [] })).toContain('<tbody></tbody>');
  });

  it('marks clickable and compact tables, and names the table for screen readers', () => {
    const html = render({ columns, rows: [], compact: true, onRowClick: () => undefined, caption: 'Counts' });
    expect(html).toContain('class="table table-clickable table-compact"');
    expect(html).toContain('<caption class="visually-hidden">Counts</caption>');
  });
});
