/** An error the API answers with its HTTP status and a message for the caller; the store is unchanged. */
export class LakeError extends Error {
  readonly status: number
  readonly type: string

  constructor(status: number, type: string, message: string) {
    super(message)
    this.status = status
    this.type = type
  }
}
