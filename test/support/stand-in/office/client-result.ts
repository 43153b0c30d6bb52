// ClientResult<T>: a value a method returns, readable only after context.sync().
import { ErrorCodes, OfficeExtensionError } from "./errors";

export class ClientResult<T> {
  private has = false;
  private v: T | undefined;
  set(v: T): void {
    this.v = v;
    this.has = true;
  }
  get value(): T {
    if (!this.has) throw new OfficeExtensionError(ErrorCodes.valueNotLoaded, 'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.', "ClientResult.value");
    return this.v as T;
  }
}
