/** A channel's base URL as the API clients use it and name it in messages. */

/** The channel's URL without trailing slashes. */
export function trimBaseUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

/** The host of a URL for messages ("shop.example.com:8443"); the text itself if it is no URL. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
