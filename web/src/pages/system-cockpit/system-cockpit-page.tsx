/** System cockpit: choose a Category (Processing queues, Application servers); ?category= keeps the choice. */
import { Select } from '@mantine/core';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../components/page-header.tsx';
import { useT } from '../../i18n/i18n-context.ts';
import { AppServersPanel } from './app-servers-panel.tsx';
import { QueuesPanel } from './queues-panel.tsx';

export function SystemCockpitPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const category = params.get('category') === 'servers' ? 'servers' : 'queues';
  return (
    <>
      <PageHeader
        title={t('nav.systemCockpit')}
        description={t('cockpit.description')}
        actions={
          <Select
            label={t('cockpit.category')}
            data={[
              { value: 'queues', label: t('cockpit.queues') },
              { value: 'servers', label: t('cockpit.servers') },
            ]}
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
