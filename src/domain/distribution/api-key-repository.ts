export interface ApiKeyRecord {
  readonly id: string;
  readonly name: string;
  /** Hex SHA-256 of the secret part of the key. */
  readonly secretHash: string;
  readonly rateLimitPerMinute: number;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

export interface ApiKeyRepository {
  insertApiKey(key: ApiKeyRecord): Promise<void>;
  findApiKey(id: string): Promise<ApiKeyRecord | undefined>;
  revokeApiKey(id: string, at: string): Promise<boolean>;
  /** Every key, newest first, for the administrators' list. */
  listApiKeys(): Promise<ApiKeyRecord[]>;
}
