import { useEffect, useId, useState } from 'react';
import { Button, Combobox, Field, Option, Spinner } from '@fluentui/react-components';
import { useTranslation } from '../shared/i18n/react.tsx';
import type { RegisterEntry } from '../shared/domain/index.ts';
import { toGraphError, updateDeputy } from '../shared/graph/index.ts';
import { useAppServices } from '../shared/ui/index.ts';
import { searchPeople } from '../shared/ui/teams/index.ts';
import type { DirectoryPerson } from '../shared/ui/teams/index.ts';
import { useDeputyPickerStyles } from './DeputyPicker.styles.ts';

export type DeputyOutcome =
  | { kind: 'saved'; entry: RegisterEntry; name: string }
  | { kind: 'conflict'; current: RegisterEntry | null }
  | { kind: 'failed'; message: string };

/** How long typing pauses before the directory is asked (one request per pause, not per key). */
const SEARCH_DELAY_MS = 250;

/**
 * A people picker over the directory (`/users` with `$search`), writing the chosen person to the
 * register as the mailbox's deputy with `If-Match`: a row changed by someone else is not overwritten.
 */
export function DeputyPicker({ entry, onDone, onCancel }: { entry: RegisterEntry; onDone(outcome: DeputyOutcome): void; onCancel(): void }) {
  const { t } = useTranslation();
  const styles = useDeputyPickerStyles();
  const { graph, config } = useAppServices();
  const hintId = useId();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<{ query: string; people: DirectoryPerson[]; error: string | null } | null>(null);
  const [selected, setSelected] = useState<DirectoryPerson | null>(null);
  const [saving, setSaving] = useState(false);
  // Opened when an answer arrives: the options come after the typing that asked for them.
  const [open, setOpen] = useState(false);

  const term = query.trim();
  useEffect(() => {
    if (term.length < 2 || selected?.displayName === term) return;
    let current = true;
    const handle = setTimeout(() => {
      searchPeople(graph, term).then((found) => {
        if (!current) return;
        if (found.ok) {
          const people = found.value.filter((p) => p.mail !== entry.address.toLowerCase() && p.mail !== entry.owner);
          setResults({ query: term, people, error: null });
          setOpen(true);
        } else setResults({ query: term, people: [], error: found.error.message });
      });
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(handle);
    };
  }, [graph, term, entry.address, entry.owner, selected]);

  const shown = results && results.query === term ? results : null;
  const searching = term.length >= 2 && shown === null && selected?.displayName !== term;

  async function save() {
    if (!selected) return;
    setSaving(true);
    try {
      const result = await updateDeputy(graph, config.register, entry, selected.mail);
      if (result.ok) onDone({ kind: 'saved', entry: result.entry, name: selected.displayName });
      else if (result.conflict) onDone({ kind: 'conflict', current: result.conflict.current });
      else onDone({ kind: 'failed', message: result.error.message });
    } catch (error) {
      onDone({ kind: 'failed', message: toGraphError(error).message });
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className={styles.root} data-testid="deputy-picker">
      <Field
        label={t('teams.deputy.searchLabel', { mailbox: entry.displayName })}
        hint={{ children: t('teams.deputy.searchHint'), id: hintId }}
        validationMessage={shown?.error ? t('teams.deputy.searchFailed', { message: shown.error }) : undefined}
      >
        <Combobox
          value={query}
          freeform={false}
          open={open}
          onOpenChange={(_, data) => setOpen(data.open)}
          autoFocus
          placeholder={t('teams.deputy.placeholder')}
          data-testid="deputy-search"
          onChange={(event) => {
            setQuery(event.target.value);
            setSelected(null);
          }}
          onOptionSelect={(_, data) => {
            const person = shown?.people.find((p) => p.mail === data.optionValue) ?? null;
            setSelected(person);
            if (person) setQuery(person.displayName);
          }}
        >
          {(shown?.people ?? []).map((person) => (
            <Option key={person.mail} value={person.mail} text={person.displayName}>
              {person.displayName}
              {person.jobTitle ? `, ${person.jobTitle}` : ''} ({person.mail})
            </Option>
          ))}
          {shown && shown.people.length === 0 && !shown.error && (
            <Option disabled value="" text={t('teams.deputy.noMatches')}>
              {t('teams.deputy.noMatches')}
            </Option>
          )}
        </Combobox>
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={!selected || saving} onClick={() => void save()} data-testid="save-deputy">
          {t('teams.deputy.save')}
        </Button>
        <Button onClick={onCancel} disabled={saving}>
          {t('teams.deputy.cancel')}
        </Button>
        {(saving || searching) && <Spinner size="tiny" label={saving ? t('actions.saving') : t('teams.deputy.searching')} />}
      </div>
    </div>
  );
}
