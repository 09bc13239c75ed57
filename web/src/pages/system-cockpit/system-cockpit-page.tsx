/** System cockpit: choose a Category (Processing queues, Application servers); ?category= keeps the choice. */
import { Select } from '@mantine/core';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../components/page-header.tsx';
import { AppServersPanel } from './app-servers-panel.tsx';
import { QueuesPanel } from './queues-panel.tsx';

const CATEGORIES = [
  { value: 'queues', label: 'Processing queues' },
  { value: 'servers', label: 'Application servers' },
];

export function SystemCockpitPage() {
  const [params, setParams] = useSearchParams();
  const category = params.get('category') === 'servers' ? 'servers' : 'queues';
  return (
    <>
      <PageHeader
        title="System cockpit"
        description="Processing queues for the batch jobs, and the application servers that run them."
        actions={
          <Select
            label="Category"
            data={CATEGORIES}
            value={category}
            w={220}
            onChange={(value) => value && setParams({ category: value })}
            data-testid="cockpit-category"
          />
        }
      />
      {category === 'queues' ? <QueuesPanel /> : <AppServersPanel />}
    </>
  );
}
