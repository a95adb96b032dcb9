package org.iep.app.web.individual;

import jakarta.servlet.http.HttpServlet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iep.api.spi.KeyPurpose;
import org.iep.api.spi.KeyProvider;
import org.iep.app.web.Pages;
import org.iep.core.wiring.IepCore;

/** The individuals' pages and their paths: link, passcode, dashboard, decline, forward, sign out. */
public final class IndividualPages {
    private IndividualPages() {
    }

    /**
     * @param secureCookies true when the portal is served over HTTPS (cookies then carry {@code Secure})
     */
    /** The individual's session ID from the request's session cookie, for other parts of the portal (DICOMweb). */
    public static java.util.Optional<String> session(jakarta.servlet.http.HttpServletRequest req) {
        return Cookies.read(req, Cookies.SESSION);
    }

    public static Map<String, HttpServlet> routes(IepCore core, KeyProvider keys, Pages pages, boolean secureCookies) {
        byte[] key = keys.key(KeyPurpose.SECRET_HASHING);
        Visit visit = new Visit(pages, new Cookies(secureCookies), new Csrf(key));
        java.util.Arrays.fill(key, (byte) 0);
        Acting acting = new Acting(visit, core.individualAccess());
        Map<String, HttpServlet> routes = new LinkedHashMap<>();
        routes.put("/a/*", new LinkServlet(visit));
        routes.put("/login", new LoginServlet(visit, core.linkOpening(), core.passcodes()));
        routes.put("/dashboard", new DashboardServlet(visit, core.individualAccess(), core.dashboard()));
        routes.put("/decline", new DeclineServlet(acting, core.decline()));
        routes.put("/forward", new ForwardServlet(acting, core.forwarding()));
        routes.put("/logout", new LogoutServlet(acting, core.individualAccess()));
        routes.put("/view", new ViewerServlet(visit, core.individualAccess()));
        routes.put("/upload/*", new UploadServlet(acting, core.individualAccess(), core.uploads()));
        routes.put("/download", new DownloadServlet(acting, core.individualAccess(), core.packager(),
                core.downloads()));
        return routes;
    }
}
