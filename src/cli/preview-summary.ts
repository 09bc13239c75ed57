/** `kontor import-customers --preview` as text: the counts, then one line per record that would not be unchanged. */
import type { PreviewResult } from '../import/preview-service.ts';
import { formatTable } from './table.ts';

export function formatPreview(preview: PreviewResult): string {
  const { counts } = preview;
  const lines = [
    `Preview (nothing imported): read ${counts.read}, create ${counts.create}, update ${counts.update}, ` +
      `unchanged ${counts.unchanged}, awaiting confirmation ${counts.awaiting}, errors ${counts.errors}` +
      (counts.skipped > 0 ? `, skipped ${counts.skipped}` : ''),
  ];
  const rows = preview.records
    .filter((record) => record.action !== 'unchanged')
    .map((record) => [
      record.externalId ?? '(no id)',
      record.action,
      (record.codes ?? []).join(', '),
      (record.changes ?? []).map((change) => change.field).join(', '),
    ]);
  if (rows.length > 0) lines.push('', formatTable(['customer', 'action', 'codes', 'changes'], rows));
  for (const email of preview.emailsNotFound ?? [])
    lines.push(`The shop has no customer with the e-mail ${email}.`);
  return lines.join('\n');
}
