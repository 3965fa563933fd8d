import { ZPayerInput } from '@hearth/contracts';
import { DataTable, EmptyState, FormActions, FormError, StatusBadge } from '@hearth/ui';
import { Button, Card, Group, Modal, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createPayer, listPayers } from '../api/practice';
import { QueryError } from '../components/QueryError';
import { humanize } from '../lib/format';
import { useFormSubmit } from '../lib/useFormSubmit';

const KIND_OPTIONS = ['commercial', 'medicare', 'medicaid', 'tricare', 'self_pay', 'other'].map((k) => ({
  value: k,
  label: k === 'tricare' ? 'TRICARE' : humanize(k),
}));

/** Insurance payers the practice bills; patient coverage picks from this list. */
export function PayersSection() {
  const query = useQuery({ queryKey: ['payers'], queryFn: listPayers });
  const [opened, modal] = useDisclosure(false);

  return (
    <Card component="section" aria-labelledby="payers-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} id="payers-heading">
          Payers
        </Title>
        <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={modal.open}>
          Add payer
        </Button>
      </Group>
      <DataTable
        aria-label="Payers"
        minWidth={480}
        items={query.data}
        columns={['Name', 'Payer ID', 'Kind', 'Status']}
        loading={query.isPending}
        loadingLabel="Loading payers"
        error={<QueryError query={query} />}
        empty={
          <EmptyState
            title="No payers yet"
            description="Add the insurance companies you bill so coverage can be recorded on patients."
          />
        }
        renderRow={(p) => (
          <Table.Tr key={p.id}>
            <Table.Td>{p.name}</Table.Td>
            <Table.Td>{p.payerCode}</Table.Td>
            <Table.Td>{KIND_OPTIONS.find((k) => k.value === p.kind)?.label ?? p.kind}</Table.Td>
            <Table.Td>
              <StatusBadge
                label={p.active ? 'Active' : 'Inactive'}
                tone={p.active ? 'positive' : 'neutral'}
              />
            </Table.Td>
          </Table.Tr>
        )}
      />
      <Modal opened={opened} onClose={modal.close} title="Add payer">
        {opened ? <PayerForm onDone={modal.close} /> : null}
      </Modal>
    </Card>
  );
}

function PayerForm({ onDone }: { onDone: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { name: '', payerCode: '', kind: 'commercial' } });
  const { onSubmit, general } = useFormSubmit(form, {
    toRequest: (v) => ({ name: v.name.trim(), payerCode: v.payerCode.trim(), kind: v.kind as 'commercial' }),
    schema: ZPayerInput,
    save: async (req) => {
      await createPayer(req);
      await queryClient.invalidateQueries({ queryKey: ['payers'] });
      onDone();
    },
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <FormError message={general} />
        <TextInput label="Payer name" required data-autofocus {...form.getInputProps('name')} />
        <TextInput
          label="Payer ID"
          description="The clearinghouse payer ID, 2–15 letters or digits"
          required
          {...form.getInputProps('payerCode')}
        />
        <Select label="Kind" data={KIND_OPTIONS} allowDeselect={false} {...form.getInputProps('kind')} />
        <FormActions onCancel={onDone} submitLabel="Add payer" loading={form.submitting} />
      </Stack>
    </form>
  );
}
