/** Cockpit: Sales channel partners: imported partners, searched and filtered, paged; /partners/:number opens one. */
import { Group, Pagination, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { listPartners } from '../../api/partners.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { useLoader } from '../../hooks/use-loader.ts';
import { useT } from '../../i18n/i18n-context.ts';
import { PartnerDetailsDrawer } from './partner-details-drawer.tsx';
import { NO_PARTNER_FILTER, PartnerFilters, type PartnerFilterValues } from './partner-filters.tsx';
import { PartnerTable } from './partner-table.tsx';

const PAGE_SIZE = 50;

export function PartnersPage() {
  const t = useT();
  const navigate = useNavigate();
  const { number } = useParams();
  // /partners?run=12 or ?job=nightly: the partners that run (any run of that job) created or changed.
  const [params] = useSearchParams();
  const [filter, setFilter] = useState<PartnerFilterValues>(() => fromLink(params));
  const [q] = useDebouncedValue(filter.q, 300);
  const [page, setPage] = useState(1);
  const query = { ...filter, q: q.trim(), limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const [version, setVersion] = useState(0);
  const { data, error, reload } = useLoader(() => listPartners(query), `${JSON.stringify(query)}:${version}`);
  const filtered = JSON.stringify(filter) !== JSON.stringify(NO_PARTNER_FILTER);
  // Far from the page the search stops counting (totalExact false): one page more than counted, so paging on
  // counts further.
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE) + (data.totalExact ? 0 : 1)) : 1;

  return (
    <>
      <PageHeader title={t('nav.partners')} description={t('partner.description')} />
      <PartnerFilters
        value={filter}
        onChange={(next) => {
          setFilter(next);
          setPage(1);
        }}
      />
      <ErrorAlert error={error} onRetry={reload} />
      {data ? (
        <>
          <PartnerTable
            partners={data.items}
            filtered={filtered}
            onOpen={(partner) => navigate(`/partners/${encodeURIComponent(partner.number)}`)}
          />
          <Group justify="space-between" mt="sm">
            <Text size="xs" c="dimmed" data-testid="partner-total">
              {data.totalExact
                ? t('count.partners', { count: data.total })
                : t('partner.moreThan', { count: data.total })}
              {data.total > 0 &&
                ` · ${t('partner.shown', { from: (page - 1) * PAGE_SIZE + 1, to: Math.min(page * PAGE_SIZE, data.total) })}`}
            </Text>
            {pages > 1 && <Pagination size="sm" total={pages} value={page} onChange={setPage} />}
          </Group>
        </>
      ) : (
        !error && <PageLoader />
      )}
      <PartnerDetailsDrawer
        number={number ?? null}
        onClose={() => navigate('/partners')}
        onChanged={(survivor) => {
          setVersion((v) => v + 1);
          if (survivor && survivor !== number) navigate(`/partners/${encodeURIComponent(survivor)}`);
        }}
      />
    </>
  );
}

function fromLink(params: URLSearchParams): PartnerFilterValues {
  const run = Number(params.get('run'));
  return {
    ...NO_PARTNER_FILTER,
    run: Number.isSafeInteger(run) && run >= 1 ? run : null,
    job: params.get('job')?.trim() || null,
  };
}
