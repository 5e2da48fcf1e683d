import type { AppConfig } from '../../shared/config/index.ts';
import type { RegisterEntry, SignatureFields } from '../../shared/domain/index.ts';
import type { Me } from '../../shared/graph/index.ts';

/** The organisation's part of every signature (config.json `organisation`). */
export function organisationFields(organisation: AppConfig['organisation']): SignatureFields {
  return {
    organisationName: organisation.name,
    switchboard: organisation.switchboard,
    visitingAddress: organisation.visitingAddress,
    postalAddress: organisation.postalAddress,
    website: organisation.website,
  };
}

/** A person's signature: their directory profile (`/me`) and the organisation's details. */
export function personalFields(me: Me, organisation: AppConfig['organisation']): SignatureFields {
  return {
    ...organisationFields(organisation),
    displayName: me.displayName,
    jobTitle: me.jobTitle,
    department: me.department,
    phone: me.businessPhones[0] ?? me.mobilePhone,
    mail: me.mail ?? me.userPrincipalName,
  };
}

/** A function mailbox's signature: its register entry (name, address, unit) and the organisation's details. */
export function mailboxFields(entry: RegisterEntry, organisation: AppConfig['organisation']): SignatureFields {
  return {
    ...organisationFields(organisation),
    displayName: entry.displayName,
    department: entry.unit,
    mail: entry.address,
  };
}
