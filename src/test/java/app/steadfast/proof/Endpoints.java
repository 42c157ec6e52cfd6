package app.steadfast.proof;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the application, from the handler mappings (as RouteInventoryTests
 * reads them), keyed "METHOD /pattern", so a new endpoint cannot be forgotten.
 */
final class Endpoints {

	private Endpoints() {
	}

	static Map<String, HandlerMethod> of(RequestMappingHandlerMapping mappings) {
		Map<String, HandlerMethod> endpoints = new TreeMap<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = entry.getKey();
			if (!entry.getValue().getBeanType().getPackageName().startsWith("app.steadfast")
					|| entry.getValue().getBeanType().getName().contains("Tests")) {
				continue;
			}
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST)
						: methods) {
					endpoints.putIfAbsent(method.name() + " " + pattern, entry.getValue());
				}
			}
		}
		return endpoints;
	}

}
