// Errors shaped like OfficeExtension.Error (name "RichApi.Error", code, debugInfo), with Office.js's own messages.

export const ErrorCodes = {
  accessDenied: "AccessDenied",
  apiNotFound: "ApiNotFound",
  generalException: "GeneralException",
  invalidArgument: "InvalidArgument",
  invalidObjectPath: "InvalidObjectPath",
  invalidOperation: "InvalidOperation",
  invalidReference: "InvalidReference",
  itemAlreadyExists: "ItemAlreadyExists",
  itemNotFound: "ItemNotFound",
  notImplemented: "NotImplemented",
  propertyNotLoaded: "PropertyNotLoaded",
  requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
  responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
  runMustReturnPromise: "RunMustReturnPromise",
  valueNotLoaded: "ValueNotLoaded",
} as const;

export class OfficeExtensionError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  readonly traceMessages: string[] = [];
  readonly innerError: null = null;
  readonly httpStatusCode: number;

  constructor(code: string, message: string, errorLocation?: string, httpStatusCode = 400) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.httpStatusCode = httpStatusCode;
    this.debugInfo = { code, message, errorLocation };
  }

  override toString(): string {
    return `${this.code}: ${this.message}`;
  }
}

export function propertyNotLoaded(entity: string, property: string): OfficeExtensionError {
  return new OfficeExtensionError(
    ErrorCodes.propertyNotLoaded,
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${entity}.${property}`,
  );
}

export function apiNotFound(member: string, version: string): OfficeExtensionError {
  return new OfficeExtensionError(
    ErrorCodes.apiNotFound,
    `The method or property ${member} is part of the ExcelApi ${version} requirement set, which is not available in your version of Excel.`,
    member,
    404,
  );
}

export function invalidArgument(argument: string, location: string): OfficeExtensionError {
  return new OfficeExtensionError(
    ErrorCodes.invalidArgument,
    `The argument '${argument}' is invalid or missing or has an incorrect format.`,
    location,
  );
}

export function itemNotFound(location: string): OfficeExtensionError {
  return new OfficeExtensionError(ErrorCodes.itemNotFound, "The requested resource doesn't exist.", location, 404);
}

export function invalidObjectPath(location: string): OfficeExtensionError {
  return new OfficeExtensionError(
    ErrorCodes.invalidObjectPath,
    `The object path '${location}' isn't working for what you're trying to do. If you're using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object's lifetime.`,
    location,
  );
}
