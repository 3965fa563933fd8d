import type { TIntervention } from '@hearth/contracts';
import { Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError, api, userMessageFor } from '../api/client';
import { listAdminInterventions } from '../api/templates';
import { QueryError } from '../components/QueryError';

const KEY = ['interventions', 'admin'] as const;

/** A code made from the label ("Narrative exposure" -> narrative_exposure), as the contract requires. */
export function codeFromLabel(label: string): string {
  const words = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const code = /^[a-z]/.test(words) ? words : `i_${words}`;
  return code.slice(0, 40).replace(/_+$/, '');
}

/**
 * The interventions clinicians pick from in notes: the built-in list plus the practice's own. An admin
 * adds one here (for example a program-specific curriculum); it is offered in every note at once.
 */
export function PracticeInterventionsCard() {
  const client = useQueryClient();
  const query = useQuery({ queryKey: KEY, queryFn: listAdminInterventions });
  const [label, setLabel] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const add = useMutation({
    mutationFn: (body: { code: string; label: string }) => api<TIntervention>('/api/admin/interventions', { method: 'POST', body }),
    onSuccess: async () => {
      setLabel('');
      setErrors({});
      await client.invalidateQueries({ queryKey: ['interventions'] });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fieldErrors.length) setErrors(Object.fromEntries(e.fieldErrors.map((f) => [f.field, f.message])));
      else setErrors({ label: userMessageFor(e) });
    },
  });
  const own = (query.data ?? []).filter((i) => !i.builtin);
  const builtinCount = (query.data ?? []).length - own.length;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = label.trim();
    if (!trimmed) return setErrors({ label: 'Required' });
    add.mutate({ code: codeFromLabel(trimmed), label: trimmed });
  };

  return (
    <Card component="section" aria-labelledby="practice-interventions" mt="md">
      <Title order={2} id="practice-interventions" mb={4}>
        Interventions
      </Title>
      <Text c="dimmed" size="sm" mb="sm">
        Clinicians pick interventions from {builtinCount || 'the'} built-in ones (CBT, DBT skills, EMDR, motivational interviewing…) and the
        practice’s own below.
      </Text>
      <QueryError query={query} />
      <Stack gap="xs" mb="sm">
        {own.length === 0 && query.data ? <Text size="sm">The practice has not added any of its own yet.</Text> : null}
        <Group gap="xs">
          {own.map((i) => (
            <Badge key={i.code} variant="light" color="gray" tt="none" size="lg">
              {i.label}
            </Badge>
          ))}
        </Group>
      </Stack>
      <form onSubmit={submit} aria-label="Add an intervention">
        <Group align="flex-start">
          <TextInput
            label="New intervention"
            placeholder="For example: Seeking Safety curriculum"
            value={label}
            maxLength={120}
            onChange={(e) => setLabel(e.currentTarget.value)}
            error={errors.label ?? errors.code}
            style={{ flex: 1, minWidth: 220 }}
          />
          <Button type="submit" mt={25} loading={add.isPending} leftSection={<IconPlus size={16} aria-hidden="true" />}>
            Add
          </Button>
        </Group>
      </form>
    </Card>
  );
}
