vcl 4.1;
# Varnish in front of Newsdesk: caches reader pages, feeds and media by Newsdesk's own
# freshness headers, indexes every object by its Surrogate-Key tags (vmod_xkey, Debian's
# varnish-modules), and drops them when Newsdesk purges those tags.
#
# Install: apt-get install varnish varnish-modules; copy to /etc/varnish/default.vcl.
# Newsdesk: CDN_PURGE_PROVIDER=varnish CDN_PURGE_URL=http://127.0.0.1:6081/
#           TRUSTED_PROXIES=127.0.0.1 (the address Varnish connects from).
# Tested by test/ops/edge-recipe.test.ts, which changes only the backend port below.

import std;
import xkey;
import cookie;

backend newsdesk {
    .host = "127.0.0.1";
    .port = "8080";
    .first_byte_timeout = 30s;
    # Longer than Newsdesk's 25 s SSE heartbeat, so quiet live streams are not cut.
    .between_bytes_timeout = 60s;
    .probe = {
        # Not ready while migrating or draining (SIGTERM): Varnish stops sending traffic.
        .url = "/readyz";
        .interval = 2s;
        .timeout = 1s;
        .window = 3;
        .threshold = 2;
        .initial = 2;
    }
}

# Who may purge: Newsdesk itself (CDN_PURGE_URL). Add the addresses of every Newsdesk host.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "xkey-purge header required"));
        }
        # "*": Newsdesk asks for everything (its own cache started clean).
        if (req.http.xkey-purge == "*") {
            ban("obj.status != 0");
            return (synth(200, "Banned everything"));
        }
        # A hard purge: the next reader gets the new page, never a stale copy in grace.
        set req.http.n-gone = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Invalidated " + req.http.n-gone + " objects"));
    }

    # Server-Sent Events (reader pages' live bar, the newsroom's events) are piped: bytes go
    # through as they come, and send_timeout (600 s for ordinary responses) does not apply
    # to pipes, only pipe_timeout (idle), which Newsdesk's 25 s heartbeat keeps at bay.
    if (req.url ~ "^/_/live/" || req.url ~ "^/newsroom/api/events") {
        return (pipe);
    }

    # The newsroom, its APIs, ingest, the content API and operations endpoints: never cached.
    if (req.url ~ "^/(newsroom|api|ingest)(/|$)" || req.url ~ "^/(metrics|healthz|readyz)") {
        return (pass);
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }

    # Reader pages vary only by the text-size cookie (nd_ts); Newsdesk's own page cache keys
    # on it alone. Every other cookie (a newsroom session, the edition choice read only by
    # "/", analytics) is dropped here so that Vary: Cookie does not split the cache per reader.
    if (req.url != "/" && req.http.Cookie) {
        cookie.parse(req.http.Cookie);
        cookie.keep("nd_ts");
        set req.http.Cookie = cookie.get_string();
        if (req.http.Cookie == "") {
            unset req.http.Cookie;
        }
    }
    if (req.http.Authorization) {
        return (pass);
    }
    return (hash);
}

sub vcl_pipe {
    # One piped stream per connection from nginx.
    set bereq.http.Connection = "close";
}

sub vcl_backend_response {
    # Never keep anything personal: a response that sets a cookie, or a newsroom page.
    if (beresp.http.Set-Cookie || bereq.url ~ "^/(newsroom|api|ingest)(/|$)") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Newsdesk's Cache-Control is respected as Varnish reads it: s-maxage first (RFC 9111
    # §5.2.2.10), then max-age; private, no-store and no-cache make the response uncacheable,
    # as does no freshness at all or `Vary: *` (as in Varnish's built-in VCL).
    if (beresp.ttl <= 0s || beresp.http.Vary == "*" ||
        beresp.http.Cache-Control ~ "(?i)(private|no-store|no-cache)") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # The tags to purge by: Newsdesk's Surrogate-Key (space separated) as xkey's index.
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
    }
    # Surrogate-Control carries the CDN-only extensions (RFC 5861): serve stale while one
    # fetch revalidates, and for a day if Newsdesk is down. Purges remove objects outright,
    # so grace never serves a page that a publish replaced.
    if (beresp.http.Surrogate-Control ~ "stale-while-revalidate=\d+") {
        set beresp.grace = std.duration(
            regsub(beresp.http.Surrogate-Control, ".*stale-while-revalidate=(\d+).*", "\1") + "s",
            0s);
    }
    if (beresp.http.Surrogate-Control ~ "stale-if-error=\d+") {
        set beresp.keep = std.duration(
            regsub(beresp.http.Surrogate-Control, ".*stale-if-error=(\d+).*", "\1") + "s",
            0s);
    }
    return (deliver);
}

sub vcl_deliver {
    # Cache-internal headers stay at the edge; browsers get Cache-Control only.
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    unset resp.http.Surrogate-Control;
    unset resp.http.Cache-Tag;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
    # Whether the edge answered, appended to Newsdesk's own entry (RFC 9211 §2: each cache
    # adds its member after those of the caches nearer the origin).
    if (obj.uncacheable) {
        set req.http.x-edge-status = "varnish; fwd=uri-miss";
    } else if (obj.hits > 0) {
        set req.http.x-edge-status = "varnish; hit";
    } else {
        set req.http.x-edge-status = "varnish; fwd=miss";
    }
    if (resp.http.Cache-Status) {
        set resp.http.Cache-Status = resp.http.Cache-Status + ", " + req.http.x-edge-status;
    } else {
        set resp.http.Cache-Status = req.http.x-edge-status;
    }
}
