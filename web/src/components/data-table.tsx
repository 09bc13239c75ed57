/**
 * The application's one table look: bordered, striped, compact, a sticky header, an empty state. Cells do
 * not wrap, except those with className "kontor-wrap" (messages, descriptions).
 */
import { Paper, Table } from '@mantine/core';
import type { ReactNode } from 'react';

interface DataTableProps {
  head: ReactNode[];
  /** Rows (<Table.Tr>); when there are none, `empty` is shown across the table. */
  rows: ReactNode[];
  empty: ReactNode;
  minWidth?: number;
  testId?: string;
}

export function DataTable({ head, rows, empty, minWidth = 700, testId }: DataTableProps) {
  return (
    <Paper withBorder radius="sm">
      <Table.ScrollContainer minWidth={minWidth} type="native">
        <Table striped highlightOnHover stickyHeader className="kontor-data-table" data-testid={testId}>
          <Table.Thead>
            <Table.Tr>
              {head.map((cell, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed per table
                <Table.Th key={index}>{cell}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.length > 0 ? (
              rows
            ) : (
              <Table.Tr>
                <Table.Td colSpan={head.length} className="kontor-wrap">
                  {empty}
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
