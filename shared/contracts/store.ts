import type { ConsortiaStore } from '../consortia/store';
import type { Grant } from '../grants/grant';
import type { DomainEvent } from '../platform/events';
import type { Mailer, PlatformStore, Scheduler } from '../platform/ports';
import type { Pool } from '../pools/pool';
import type { Contract } from './contract';
import type { ContractPolicy } from './rag';

export interface ContractStore {
  createContract(contract: Contract, event: DomainEvent): Promise<void>;
  getContract(contractId: string): Promise<Contract | undefined>;
  listCouncilContracts(councilOrgId: string): Promise<Contract[]>;
  /** Saves a changed contract if nobody changed it since `expectedVersion`; otherwise a conflict. */
  saveContract(contract: Contract, expectedVersion: number, event: DomainEvent): Promise<void>;
  /** The same, consuming the emailed link it came through; false when the link was spent meanwhile. */
  saveContractByLink(contract: Contract, expectedVersion: number, linkHash: string, now: string, event: DomainEvent): Promise<boolean>;
  getPolicy(councilOrgId: string): Promise<ContractPolicy | undefined>;
  savePolicy(councilOrgId: string, policy: ContractPolicy, event: DomainEvent): Promise<void>;
}

export interface ContractsDeps {
  platform: PlatformStore;
  consortia: ConsortiaStore;
  /** Only to check a pool-funded contract's grant: its header, not its shares. */
  pools: { getPool(poolId: string): Promise<Pool | undefined>; getGrant(grantId: string): Promise<Grant | undefined> };
  contracts: ContractStore;
  clock: { now(): Date };
  mailer: Mailer;
  scheduler: Scheduler;
}
