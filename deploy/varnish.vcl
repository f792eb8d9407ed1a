# Varnish in front of several app servers of an ankasam-pubs site (docs/how-to/deploy.md).
# scripts/topology fills in the two backend ports; on real hosts write their addresses.
vcl 4.1;

import directors;
import std;

# Health probe: a cheap request (the language redirect at the site root); a server that stops answering leaves the rotation
# within about two seconds and rejoins when it answers again.
probe app_health {
    .url = "/";
    .expected_response = 302;
    .interval = 1s;
    .timeout = 2s;
    .window = 3;
    .threshold = 2;
}

backend app1 { .host = "127.0.0.1"; .port = "@APP1_PORT@"; .probe = app_health; }
backend app2 { .host = "127.0.0.1"; .port = "@APP2_PORT@"; .probe = app_health; }

# Who may purge: the app servers and workers. Purges are accepted only on the listener
# named "purge" (bound to the internal network), never on the one readers reach.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_init {
    new cluster = directors.round_robin();
    cluster.add_backend(app1);
    cluster.add_backend(app2);
}

sub vcl_recv {
    set req.backend_hint = cluster.backend();
    if (req.method == "PURGE") {
        if (local.socket != "purge" || client.ip !~ purgers) {
            return (synth(405, "PURGE is not allowed here"));
        }
        # Wagtail purges a page's URL; the same path with any query string (filters,
        # search, later pages of a list) shows the same content, so every variant goes.
        ban("obj.http.x-url-path == " + regsub(req.url, "\?.*$", ""));
        return (synth(200, "Purged"));
    }
    if (local.socket == "purge") {
        return (synth(405, "Only PURGE on this listener"));
    }
    # Editors and readers of private pages (a session) always reach the app.
    if (req.url ~ "^/(admin|django-admin)/" || req.http.Cookie ~ "sessionid=") {
        return (pass);
    }
    # The app sets no per-reader cookies on public pages: drop analytics cookies and the
    # like so that they do not turn every request into a miss.
    if (req.http.Cookie !~ "(sessionid|csrftoken)=") {
        unset req.http.Cookie;
    }
}

sub vcl_backend_response {
    # What the ban above compares with (the lurker sees only the object, not a request).
    set beresp.http.x-url-path = regsub(bereq.url, "\?.*$", "");
    # Cache-Control and Vary from the app are honoured as they are: private, no-store
    # and Set-Cookie responses are never stored (Varnish's built-in rules). A response
    # that says nothing (an error page, a view that sets no header) is not stored either:
    # Varnish would otherwise keep it for its default two minutes.
    if (!beresp.http.Cache-Control) {
        set beresp.uncacheable = true;
        set beresp.ttl = 10s;
        return (deliver);
    }
}

# A server that dies mid-request (or before the probe has noticed) fails the fetch:
# try the next one in the rotation once, so readers do not see the crash.
sub vcl_backend_error {
    if (bereq.retries < 1 && bereq.method ~ "^(GET|HEAD)$") {
        return (retry);
    }
}

sub vcl_deliver {
    unset resp.http.x-url-path;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
