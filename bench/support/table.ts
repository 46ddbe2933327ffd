// Markdown tables, padded so the same text reads well in a terminal and renders in RESULTS.md.

export interface Table {
  title: string;
  columns: string[];
  rows: Array<Array<string | number>>;
  /** Short sentences printed under the table. */
  notes?: string[];
}

export function renderTable(table: Table): string {
  const cells = [table.columns, ...table.rows.map((row) => row.map(String))];
  const widths = table.columns.map((_, column) => Math.max(3, ...cells.map((row) => (row[column] ?? "").length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(" | ")} |`;
  const rule = `| ${widths.map((width) => "-".repeat(width)).join(" | ")} |`;
  const notes = (table.notes ?? []).map((note) => `\n${note}`).join("\n");
  return [`### ${table.title}`, "", line(cells[0]), rule, ...cells.slice(1).map(line), notes].join("\n").trimEnd();
}
